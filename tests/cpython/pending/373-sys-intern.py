# sys.intern makes equal strings one object.
import sys
a = "".join(["hello", " world"])
b = "".join(["hello", " world"])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib, ia is a, ib is b)
c = "".join(["x", "y"])
print(sys.getrefcount(c))
ic = sys.intern(c)
print(ic is c, sys.getrefcount(c))
