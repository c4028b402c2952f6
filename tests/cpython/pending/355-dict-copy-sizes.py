# Sizes of dict copies made in different ways.
import sys
d = {i: i for i in range(6)}
print(sys.getsizeof(d))
print(sys.getsizeof(d.copy()), sys.getsizeof(dict(d)), sys.getsizeof({**d}))
print(sys.getsizeof(dict(d.items())), sys.getsizeof({k: v for k, v in d.items()}))
e = {}
e.update(d)
print(sys.getsizeof(e))
for k in range(3):
    del d[k]
print(sys.getsizeof(d), sys.getsizeof(d.copy()))
s = {"a": 1}
print(sys.getsizeof(s), sys.getsizeof(s.copy()))
