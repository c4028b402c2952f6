# The automatic collection triggers after threshold allocations (count model).
import gc
class N:
    pass
gc.collect()
gc.set_threshold(10, 10, 10)
a = N()
a.me = a
del a
keep = []
for i in range(9):
    keep.append([])
print(gc.get_count())
keep.append([])
print(gc.get_count())
keep.append([])
print(gc.get_count())
gc.set_threshold(700, 10, 10)
