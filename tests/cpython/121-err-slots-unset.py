# AttributeError: reading a __slots__ attribute that was never set
class S:
    __slots__ = ('x', 'y')
s = S()
s.y = 2
print(s.y)
print(s.x)
