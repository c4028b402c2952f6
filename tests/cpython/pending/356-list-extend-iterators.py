# Growth when a list is built from iterators of known and unknown length.
import sys
base = list(range(8))
a = []
a.extend(reversed(base))
print(sys.getsizeof(a))
b = list(reversed(base))
print(sys.getsizeof(b))
c = list(x for x in base)
print(sys.getsizeof(c))
d = list(map(abs, base))
print(sys.getsizeof(d))
e = list(range(8))
print(sys.getsizeof(e))
f = list(zip(base, base))
print(sys.getsizeof(f))
g = [x for x in base]
print(sys.getsizeof(g))
