# gc.collect() finds a list that contains itself once its name is gone: 1
import gc, sys
gc.collect()
l = []
l.append(l)
print(sys.getrefcount(l), len(l), l[0] is l)
print(gc.collect())
del l
print(gc.collect())
print(gc.collect())
