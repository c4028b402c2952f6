# TypeError: len() of an int
n = 42
print(n)
print(len(n))
