# ZeroDivisionError: true division by zero
a = 10
print(a / 4)
print(a / 0)
