# PEP 479: a StopIteration escaping a generator body becomes RuntimeError.
def bad():
    yield 1
    next(iter([]))
    yield 2

g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
