# The exceptions raised in 373-sys-intern (sys.intern makes equal strings one object), caught and printed.
import sys
a = "".join(["hello", " world"])
b = "".join(["hello", " world"])
ia = sys.intern(a)
ib = sys.intern(b)
c = "".join(["x", "y"])
ic = sys.intern(c)
try:
    sys.intern(5)
except TypeError as e:
    print(e)
