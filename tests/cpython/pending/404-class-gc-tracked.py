# Classes, instances and bound methods are tracked by the collector.
import gc
class C:
    def m(self):
        pass
c = C()
print(gc.is_tracked(C), gc.is_tracked(c), gc.is_tracked(c.m))
print(gc.is_tracked(C.__mro__), gc.is_tracked(int), gc.is_tracked(object))
print(gc.is_tracked(C.m), gc.is_tracked(vars(c)))
c.x = []
print(gc.is_tracked(vars(c)))
