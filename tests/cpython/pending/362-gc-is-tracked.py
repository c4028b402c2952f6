# Which objects the cycle collector tracks.
import gc
class C:
    pass
class S:
    __slots__ = ("a",)
items = [1, "s", 1.5, None, (), (1, 2), ([],), [], {}, {"a": 1}, {"a": []},
         set(), frozenset(), C(), S(), C, len, print, range(2), b"x", bytearray()]
for x in items:
    print(type(x).__name__, gc.is_tracked(x))
t = (1, 2, 3 + len("a"))
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
