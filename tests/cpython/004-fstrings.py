# f-strings with plain {expr}: str() of values, expressions, containers inside
name = 'Ada'
n = 3
lst = [1, 'two', 3.0]
d = {'k': [n]}
print(f"hello {name}")
print(f"{n} + 1 = {n + 1}")
print(f"{lst}")
print(f"{d['k']} and {d}")
print(f'{None} {True} {2**70}')
print(f"{name}{name}")
print(f"len={len(lst)} first={lst[0]} last={lst[-1]}")
print(f"{(1, 2)} {[]} {()}")
print(f"nothing here")
s = f"{n * 2}"
print(s, len(s), type(s))
