# Ways to copy a list: all shallow, all new list objects.
import sys
inner = [0]
xs = [inner, inner]
copies = [xs[:], xs.copy(), list(xs), [*xs], xs * 1, xs + []]
print([c is xs for c in copies])
print([c[0] is inner for c in copies])
print(sys.getrefcount(inner))
print([sys.getsizeof(c) for c in copies])
del copies
print(sys.getrefcount(inner))
