# gc.freeze moves everything tracked to the permanent generation; collections skip it until unfreeze
import gc
gc.collect()
print(gc.get_freeze_count() == 0)
a = []
a.append(a)
del a
gc.freeze()
print(gc.get_freeze_count() > 0)
print('frozen cycle not found', gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print('after unfreeze', gc.collect())
b = []
b.append(b)
gc.freeze()
n = gc.get_freeze_count()
c = []
c.append(c)
print(gc.get_freeze_count() == n)
del b, c
print(gc.collect())
gc.unfreeze()
print(gc.collect(), gc.get_freeze_count())
