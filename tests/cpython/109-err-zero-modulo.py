# ZeroDivisionError: integer modulo by zero (3.11 has a separate message for %)
a = 10
print(a % 4)
print(a % 0)
