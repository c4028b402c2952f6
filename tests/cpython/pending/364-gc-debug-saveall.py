# DEBUG_SAVEALL keeps what the collector finds in gc.garbage instead of freeing it.
import gc
class Node:
    pass
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node()
a.me = a
del a
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
print(gc.get_debug())
gc.garbage.clear()
print(gc.collect())
