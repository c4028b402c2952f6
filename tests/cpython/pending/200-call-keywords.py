# Keyword arguments and defaults: any parameter can be passed by name.
def area(width, height=1, scale=1):
    return width * height * scale

print(area(3))
print(area(3, 4))
print(area(3, height=4))
print(area(width=2, scale=10))
print(area(3, scale=2, height=5))
print(area(height=2, width=7))
