# The memory saved by __slots__ over a plain class, for many instances.
import sys
class Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Slim:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Plain(1, 2)
s = Slim(1, 2)
print(sys.getsizeof(p), sys.getsizeof(p.__dict__), sys.getsizeof(s))
print(sys.getsizeof(p) + sys.getsizeof(p.__dict__) - sys.getsizeof(s))
