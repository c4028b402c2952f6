# List growth through extend() of different iterables.
import sys
base = list(range(10))
for src in [reversed(base), iter(base), range(10), tuple(base), base, enumerate(base)]:
    a = [0]
    a.extend(src)
    print(type(src).__name__, len(a), sys.getsizeof(a))
b = []
b.extend(reversed(base))
print(sys.getsizeof(b), sys.getsizeof(list(reversed(base))))
