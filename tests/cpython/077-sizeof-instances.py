# instance sizes: plain instance 56 regardless of attributes (3.11 keeps them inline); __slots__ 32 + 8 per slot
import sys
class Plain:
    pass
class WithAttrs:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
class S0:
    __slots__ = ()
class S1:
    __slots__ = ('x',)
class S2:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
class S5:
    __slots__ = ('a', 'b', 'c', 'd', 'e')
print(sys.getsizeof(Plain()), sys.getsizeof(WithAttrs()))
print(sys.getsizeof(S0()), sys.getsizeof(S1()), sys.getsizeof(S2(1, 2)), sys.getsizeof(S5()))
p = S2(3, 4)
print(p.x + p.y)
w = WithAttrs()
w.extra = [1]
print(sys.getsizeof(w))
