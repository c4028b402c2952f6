# gc.get_objects(generation) lists the tracked objects of one generation.
import gc
gc.collect()
fresh = [1]
print(any(o is fresh for o in gc.get_objects(0)))
print(any(o is fresh for o in gc.get_objects(2)))
gc.collect(0)
print(any(o is fresh for o in gc.get_objects(0)), any(o is fresh for o in gc.get_objects(1)))
gc.collect()
print(any(o is fresh for o in gc.get_objects(2)), any(o is fresh for o in gc.get_objects(1)))
print(any(o is fresh for o in gc.get_objects()))
