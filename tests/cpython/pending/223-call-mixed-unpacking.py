# Several * and ** in one call, mixed with plain arguments.
def f(*args, **kw):
    return args, kw

xs = [2, 3]
ys = (5,)
d1 = {"a": 1}
d2 = {"b": 2}
print(f(1, *xs, 4, *ys))
print(f(**d1, **d2))
print(f(0, *xs, k=1, **d1))
try:
    f(**d1, **{"a": 9})
except TypeError as e:
    print(e)
