# The exceptions raised in 381-weakref-proxy (weakref.proxy behaves like the object until it dies), caught and printed.
import weakref
class Point:
    def __init__(self):
        self.x = 3

p = Point()
px = weakref.proxy(p)
px.x = 4
del p
try:
    px.x
except ReferenceError as e:
    print(e)
