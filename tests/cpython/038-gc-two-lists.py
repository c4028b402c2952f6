# a two-list cycle survives del of both names and is found by gc.collect(): 2
import gc, sys
gc.collect()
a = []
b = [a]
a.append(b)
print(sys.getrefcount(a), sys.getrefcount(b))
del a
print(sys.getrefcount(b[0]), gc.collect())
del b
print(gc.collect())
print(gc.collect())
