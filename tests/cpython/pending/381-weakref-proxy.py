# weakref.proxy behaves like the object until it dies.
import weakref
class Point:
    def __init__(self):
        self.x = 3

p = Point()
px = weakref.proxy(p)
print(px.x)
px.x = 4
print(p.x)
del p
