# Several managers in one with: entered left to right, exited right to left.
class M:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None)

with M(1) as a, M(2) as b, M(3):
    print("body", a, b)
try:
    with M(4), M(5):
        raise RuntimeError
except RuntimeError:
    print("caught")
