# ZeroDivisionError: integer division or modulo by zero (the message for //)
a = 10
print(a // 3, a % 3)
print(a // 0)
