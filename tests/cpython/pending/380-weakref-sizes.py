# Sizes of weak references, and which objects accept them.
import sys
import weakref
class C:
    pass
class S:
    __slots__ = ("x",)
class SW:
    __slots__ = ("x", "__weakref__")
c = C()
r = weakref.ref(c)
print(sys.getsizeof(r), weakref.getweakrefcount(c))
r2 = weakref.ref(c)
print(r2 is r, weakref.getweakrefcount(c))
for obj in [[], {}, S(), "s"]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(e)
print(weakref.ref(SW())() is None, sys.getsizeof(S()), sys.getsizeof(SW()))
