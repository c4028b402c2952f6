# TypeError: str + int has its own message
s = 'count: '
print(s)
print(s + 5)
