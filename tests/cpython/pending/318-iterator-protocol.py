# A class with __iter__ and __next__ is an iterator.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "stop"))
print(sum(Countdown(100)))
print(iter(c) is c)
