# dict keys and values each hold a reference; overwriting a value keeps the key's
import sys
class K:
    pass
k = K()
v = [1]
d = {k: v}
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print(sys.getrefcount(k), sys.getrefcount(v))
w = [2]
d[k] = w
print(sys.getrefcount(k), sys.getrefcount(v), sys.getrefcount(w))
e = d.copy()
print(sys.getrefcount(k), sys.getrefcount(w))
e.clear()
del d[k]
print(sys.getrefcount(k), sys.getrefcount(w))
s = set()
s.add(k)
s.add(k)
print(sys.getrefcount(k))
s.discard(k)
print(sys.getrefcount(k))
keys = list({k: 1, 'x': 2}.keys())
print(sys.getrefcount(k), len(keys))
