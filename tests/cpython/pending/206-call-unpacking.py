# f(*xs) and f(**d) spread a sequence and a mapping into the call.
def point(x, y, z=0):
    return (x, y, z)

xs = [1, 2]
print(point(*xs))
print(point(*xs, 3))
print(point(*range(3)))
d = {"y": 5, "z": 6}
print(point(1, **d))
print(point(**{"x": 1, "y": 2}))
print(point(*(7,), **{"y": 8}))
print(point(*"ab"))
