# dict growth while inserting int keys 0..100, and str keys (unicode-only keys use smaller entries)
import sys
d = {}
changes = []
prev = 0
for i in range(101):
    s = sys.getsizeof(d)
    if s != prev:
        changes.append((i, s))
        prev = s
    d[i] = i
print(changes, sys.getsizeof(d))
e = {}
changes = []
prev = 0
for i in range(101):
    s = sys.getsizeof(e)
    if s != prev:
        changes.append((i, s))
        prev = s
    e['k' + str(i)] = i
print(changes, sys.getsizeof(e))
