# __slots__ and inheritance: a subclass without __slots__ gets a __dict__ again.
import sys
class Slotted:
    __slots__ = ("a",)
class Child(Slotted):
    pass
s = Slotted()
c = Child()
c.z = 1
print(hasattr(s, "__dict__"), hasattr(c, "__dict__"), c.__dict__)
print(Child.__slots__, sys.getsizeof(s) < sys.getsizeof(c))
