# Instance sizes through __slots__ inheritance.
import sys
class Plain:
    pass
class Slotted:
    __slots__ = ("a", "b")
class MoreSlots(Slotted):
    __slots__ = ("c",)
class NoSlots(Slotted):
    pass
class EmptySlots(Slotted):
    __slots__ = ()
class PlainChild(Plain):
    pass
class SlotsOnPlain(Plain):
    __slots__ = ("z",)
print(sys.getsizeof(Plain()), sys.getsizeof(Slotted()), sys.getsizeof(MoreSlots()))
print(sys.getsizeof(NoSlots()), sys.getsizeof(EmptySlots()))
print(sys.getsizeof(PlainChild()), sys.getsizeof(SlotsOnPlain()))
