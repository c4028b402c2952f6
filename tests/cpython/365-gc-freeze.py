# gc.freeze moves every tracked object to a permanent generation.
import gc
gc.collect()
gc.freeze()
print(gc.get_freeze_count() > 0)
print(gc.get_count())
x = []
x.append(x)
del x
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
