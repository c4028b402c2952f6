# What gc.collect() counts for cycles of instances, lists and dicts.
import gc
class N:
    pass
gc.collect()
a = N()
b = N()
a.o = b
b.o = a
del a, b
print(gc.collect())
x = N()
x.self = x
x.__dict__
del x
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d["me"] = d
del d
print(gc.collect())
p = N()
p.items = [p, {"k": p}]
del p
print(gc.collect())
