# weakref.ref: does not keep the object alive; the callback runs when it dies.
import sys
import weakref
class Obj:
    def __del__(self):
        print("__del__")

def gone(ref):
    print("callback, ref() is", ref())

o = Obj()
r = weakref.ref(o, gone)
print(r() is o, sys.getrefcount(o), weakref.getweakrefcount(o))
del o
print("after del:", r())
