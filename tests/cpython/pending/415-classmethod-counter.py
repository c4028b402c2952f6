# A classmethod sees the subclass it is called on.
class Shape:
    registry = []
    @classmethod
    def make(cls, *args):
        obj = cls(*args)
        Shape.registry.append(cls.__name__)
        return obj
class Square(Shape):
    def __init__(self, side):
        self.side = side
class Circle(Shape):
    def __init__(self, r):
        self.r = r
Square.make(2)
Circle.make(1)
Square.make(5)
print(Shape.registry)
