# a list <-> tuple cycle: 2; a tuple of ints alone is never garbage
import gc, sys
gc.collect()
l = []
t = (l, 1)
l.append(t)
print(sys.getrefcount(l), sys.getrefcount(t))
del l, t
print(gc.collect())
l2 = [1]
t2 = (l2,)
l2.append(t2)
l2.append({'t': t2})
del l2, t2
print(gc.collect())
print(gc.collect())
