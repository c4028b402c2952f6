# CPython's TypeError for each way a call can fail to bind.
def f(a, b, c=3, *, d):
    return a

tries = [
    lambda: f(1, d=4),
    lambda: f(1, 2, 3, 4, d=4),
    lambda: f(1, 2, e=5, d=4),
    lambda: f(1, 2, a=1, d=4),
    lambda: f(1, 2),
    lambda: f(),
]
for t in tries:
    try:
        t()
    except TypeError as e:
        print(e)
