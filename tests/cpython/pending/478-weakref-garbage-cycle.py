# A cycle with __del__ and weakref callbacks: what gc.collect() runs, in order.
import gc
import weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name, "peer ref alive:", self.peer_ref() is not None)
def cb(ref):
    print("callback, ref() is", ref())
gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
a.peer_ref = weakref.ref(b)
b.peer_ref = weakref.ref(a)
outside_a = weakref.ref(a, cb)
outside_b = weakref.ref(b, cb)
del a, b
print(gc.collect())
print(outside_a(), outside_b())
