# Sizes of dict copies: d.copy(), dict(d), update() into an empty dict.
import sys
for n in [1, 5, 6, 10, 11, 21, 22]:
    d = {}
    for i in range(n):
        d[i] = i
    e = {}
    e.update(d)
    print(n, sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)), sys.getsizeof(e))
s = {"a": 1, "b": 2}
print(sys.getsizeof(s), sys.getsizeof(s.copy()), sys.getsizeof(dict(s)))
