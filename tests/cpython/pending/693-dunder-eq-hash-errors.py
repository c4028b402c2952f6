# The exceptions raised in 393-dunder-eq-hash (__eq__ and __hash__: defining __eq__ alone makes instances unhashable), caught and printed.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)
class H(P):
    def __hash__(self):
        return hash((self.x, self.y))
try:
    {P(1, 2)}
except TypeError as e:
    print(e)
s = {H(1, 2), H(1, 2), H(3, 4)}
