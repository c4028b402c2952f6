# Exception objects are tracked by the collector; an exception in a cycle.
import gc
e = ValueError("x")
print(gc.is_tracked(e))
gc.collect()
class Holder:
    pass
h = Holder()
h.err = RuntimeError(h)
del h
print(gc.collect())
