# gc.set_debug(gc.DEBUG_SAVEALL) keeps unreachable objects in gc.garbage instead of freeing them
import gc, sys
gc.collect()
print(gc.garbage, len(gc.garbage))
gc.set_debug(gc.DEBUG_SAVEALL)
a = [1]
b = [a]
a.append(b)
del a, b
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]), len(gc.garbage[0]), len(gc.garbage[1]))
print(gc.garbage[0][1] is gc.garbage[1] or gc.garbage[1][1] is gc.garbage[0])
d = {}
d['d'] = d
del d
print(gc.collect(), len(gc.garbage))
gc.set_debug(0)
e = []
e.append(e)
del e
print(gc.collect(), len(gc.garbage))
gc.garbage.clear()
print(gc.collect(), len(gc.garbage))
