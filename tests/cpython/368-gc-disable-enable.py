# Automatic collection can be switched off; cycles then pile up until collect().
import gc
class N:
    pass
gc.collect()
gc.disable()
print(gc.isenabled())
for i in range(2000):
    a = N()
    a.me = a
del a
print(gc.collect())
gc.enable()
print(gc.isenabled())
