# Several weakrefs with callbacks on one object: the order CPython calls them.
import weakref
class Obj:
    pass
def make_cb(name):
    def cb(ref):
        print("callback", name)
    return cb
o = Obj()
refs = [weakref.ref(o, make_cb(n)) for n in ["first", "second", "third"]]
print(weakref.getweakrefcount(o))
del o
print("after del")
items = [Obj(), Obj()]
r0 = weakref.ref(items[0], make_cb("item 0"))
r1 = weakref.ref(items[1], make_cb("item 1"))
items.clear()
print("after clear")
