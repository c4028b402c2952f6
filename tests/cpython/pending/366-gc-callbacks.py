# gc.callbacks are called before and after each collection.
import gc
def report(phase, info):
    print(phase, info["generation"], info.get("collected"), info.get("uncollectable"))
gc.collect()
gc.callbacks.append(report)
class N:
    pass
n = N()
n.self = n
del n
print(gc.collect())
gc.callbacks.remove(report)
print(gc.collect())
