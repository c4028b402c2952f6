# Generator expressions are lazy; sum/any/max consume them.
import sys
print(sum(x * x for x in range(10)))
print(any(x > 8 for x in range(10)), all(x < 5 for x in range(10)))
print(max((len(w), w) for w in ["a", "ccc", "bb"]))
g = (x for x in range(1000000))
print(type(g).__name__, sys.getsizeof(g) < sys.getsizeof([0] * 100))
print(next(g), next(g))
print(sorted(c for c in "hello"))
print(tuple(i for i in range(3)))
