# a keyword-argument call loop: 1,000,000 calls of a Python function by keyword
def area(width, height, scale=1):
    return width * height * scale


total = 0
for i in range(1000000):
    total += area(width=i, height=2, scale=3)
print(total)
