# Iteration protocol fallbacks: __iter__ first, then __getitem__; in uses __contains__.
class Evens:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
    def __len__(self):
        return self.n // 2
e = Evens(10)
print(list(e), len(e), 4 in e, 5 in e, sum(e), sorted(e, reverse=True)[:2])
x, y, *rest = Evens(8)
print(x, y, rest)
print(list(zip(Evens(4), Evens(6))))
