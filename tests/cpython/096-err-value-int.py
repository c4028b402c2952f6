# ValueError: int() of a non-numeric string
print(int('12'))
print(int('x'))
