# Thresholds and generation counts (this case tests the exact count model).
import gc
print(gc.get_threshold())
gc.collect()
print(gc.get_count())
keep = [[] for _ in range(50)]
print(gc.get_count())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.collect(0)
print(gc.get_count())
gc.set_threshold(700, 10, 10)
del keep
print(gc.get_count())
