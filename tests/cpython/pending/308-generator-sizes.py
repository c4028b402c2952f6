# sys.getsizeof of generators grows with the size of their frame.
import sys
def small():
    yield 1
def bigger(a, b, c, d):
    x = y = z = 0
    yield a
g1 = small()
g2 = bigger(1, 2, 3, 4)
print(sys.getsizeof(g1))
print(sys.getsizeof(g2))
print(sys.getsizeof(x for x in []))
print(sys.getsizeof(range(10)), sys.getsizeof(iter([])))
