# weakref.finalize runs once: when the object dies, or when called early.
import weakref
class Conn:
    pass

def closed(name):
    print("finalizer for", name)
    return name

c = Conn()
f = weakref.finalize(c, closed, "c")
print(f.alive)
del c
print(f.alive)
d = Conn()
g = weakref.finalize(d, closed, "d")
print(g())
print(g.alive, g())
del d
print("end")
