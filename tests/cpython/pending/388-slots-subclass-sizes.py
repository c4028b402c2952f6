# __slots__ and inheritance: a subclass without __slots__ gets a __dict__ again.
import sys
class Plain:
    pass
class Slotted:
    __slots__ = ("a", "b")
class MoreSlots(Slotted):
    __slots__ = ("c",)
class NoSlots(Slotted):
    pass
class Empty(Slotted):
    __slots__ = ()
for cls in [Plain, Slotted, MoreSlots, NoSlots, Empty]:
    obj = cls()
    print(cls.__name__, sys.getsizeof(obj), hasattr(obj, "__dict__"))
n = NoSlots()
n.z = 1
print(n.__dict__)
