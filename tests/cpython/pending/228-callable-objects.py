# Anything with __call__ can be called; callable() says so.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, twice=False):
        return x * self.k * (2 if twice else 1)

m = Multiplier(3)
print(m(5), m(5, twice=True))
print(callable(m), callable(Multiplier), callable(len), callable(3), callable("s"))
for thing in [3, "abc", None]:
    try:
        thing()
    except TypeError as e:
        print(e)
