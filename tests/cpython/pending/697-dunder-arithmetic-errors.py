# The exceptions raised in 397-dunder-arithmetic (__add__, __radd__, __iadd__, __mul__, __neg__, __bool__ and NotImplemented), caught and printed.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x + o.x, self.y + o.y)
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return "V(%d, %d)" % (self.x, self.y)
a = V(1, 2)
b = a
b += V(1, 1)
try:
    a + 1
except TypeError as e:
    print(e)
