# A global named like a builtin hides it until deleted.
print(len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
def f():
    max = "local"
    return max
print(f(), max(1, 2))
