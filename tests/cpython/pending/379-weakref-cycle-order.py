# In a garbage cycle: weakref callbacks run before __del__ (gc clears weakrefs first).
import gc
import weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

def cb(ref):
    print("callback")

gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
r = weakref.ref(a, cb)
del a, b
print(gc.collect())
print(r())
