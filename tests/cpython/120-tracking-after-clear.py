# containers stay tracked after clear(); instances (with or without __slots__), empty lists and sets are always tracked
import gc
d = {'a': []}
d.clear()
l = [[]]
l.clear()
s = {1}
s.clear()
print(gc.is_tracked(d), gc.is_tracked(l), gc.is_tracked(s))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(l), gc.is_tracked(s))
class S:
    __slots__ = ('x',)
class E:
    __slots__ = ()
class N:
    pass
print(gc.is_tracked(S()), gc.is_tracked(E()), gc.is_tracked(N()))
