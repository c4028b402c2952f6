# __slots__: attribute access, refcounts through slots, deleting a slot, tracking, sizes
import sys, gc
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
val = [0]
p = P(val, val)
print(sys.getrefcount(val), gc.is_tracked(p), sys.getsizeof(p))
p.y = None
print(sys.getrefcount(val))
del p.x
print(sys.getrefcount(val))
p.x = 5
print(p.x, p.y)
q = P(1, 2)
q.x, q.y = q.y, q.x
print(q.x, q.y)
del q.y
q.y = [q.x]
print(q.y, sys.getsizeof(q))
