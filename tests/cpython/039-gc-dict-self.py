# a dict that holds itself: 1 unreachable object
import gc, sys
gc.collect()
d = {}
d['me'] = d
print(sys.getrefcount(d), gc.is_tracked(d))
del d
print(gc.collect())
e = {'x': []}
e['y'] = e
f = e
del e
print(gc.collect())
del f
print(gc.collect())
