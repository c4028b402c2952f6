# __slots__ forbids other attributes; a slot can be unset.
class P:
    __slots__ = ("x", "y")
p = P()
p.x = 1
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
print(P.x.__name__, type(P.x).__name__)
del p.x
print(hasattr(p, "x"))
