# The exceptions raised in 375-weakref-ref-callback (weakref.ref: does not keep the object alive; the callback runs when it dies), caught and printed.
import sys
import weakref
class Obj:
    def __del__(self):
        print("__del__")

def gone(ref):
    print("callback, ref() is", ref())

o = Obj()
r = weakref.ref(o, gone)
del o
try:
    weakref.ref(5)
except TypeError as e:
    print(e)
