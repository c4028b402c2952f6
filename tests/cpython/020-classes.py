# classes: __init__, methods, instance and class attributes, type() and isinstance()
class Point:
    dims = 2
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx):
        return Point(self.x + dx, self.y)
    def scale(self, k):
        self.x = self.x * k
        self.y = self.y * k
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1)
print(q.x, q.y, p.x)
p.scale(2)
print(p.x, p.y)
p.dims = 3
print(p.dims, Point.dims, q.dims)
print(type(p))
print(type(p) is Point, isinstance(p, Point), isinstance(3, Point))
r = Point(1)
print(r.y)
class Empty:
    pass
e = Empty()
e.anything = [1]
print(e.anything, type(e))
