# getrefcount of an item or attribute: the container's reference plus the argument.
import sys
inner = [0]
xs = [inner]
d = {"k": inner}
class C:
    pass
c = C()
c.attr = inner
print(sys.getrefcount(inner))
print(sys.getrefcount(xs[0]), sys.getrefcount(d["k"]), sys.getrefcount(c.attr))
del xs[0]
print(sys.getrefcount(inner))
d.clear()
print(sys.getrefcount(inner))
c.attr = None
print(sys.getrefcount(inner))
