# TypeError: int() of a list
print(int('7') + 1)
print(int([7]))
