# A dict does not shrink when keys are deleted; clear() does.
import sys
d = {}
for i in range(100):
    d[i] = i
print(sys.getsizeof(d))
for i in range(95):
    del d[i]
print(len(d), sys.getsizeof(d))
d[1000] = 0
print(sys.getsizeof(d))
e = d.copy()
print(sys.getsizeof(e))
d.clear()
print(sys.getsizeof(d))
for k in range(3):
    d.pop(k, None)
d.setdefault(1, 1)
print(sys.getsizeof(d))
