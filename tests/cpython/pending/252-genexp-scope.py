# A generator expression evaluates its first iterable at once, the rest lazily.
xs = [1, 2, 3]
g = (x * 10 for x in xs)
xs = [7, 8, 9]
print(list(g))
n = 2
h = (x * n for x in range(3))
n = 100
print(list(h))
print(list(g), list(h))
try:
    (1 / x for x in 5)
except TypeError as e:
    print(e)
