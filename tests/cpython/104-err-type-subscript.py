# TypeError: subscripting an int
n = 5
print(n)
print(n[0])
