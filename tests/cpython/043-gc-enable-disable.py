# gc.enable / gc.disable / gc.isenabled; collect() still works while disabled
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
x = []
x.append(x)
del x
print(gc.collect())
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
