# TypeError: unsupported operand types for +
a = 1
b = 'one'
print(a, b)
print(a + b)
