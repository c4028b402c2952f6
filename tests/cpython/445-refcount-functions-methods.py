# Reference counts of functions, classes' methods and instance attributes.
import sys
def f():
    pass
print(sys.getrefcount(f))
class C:
    def m(self):
        pass
print(sys.getrefcount(C.m))
c = C()
bm = c.m
print(sys.getrefcount(c), sys.getrefcount(bm))
val = [0]
c.v = val
print(sys.getrefcount(val))
d = C()
d.v = val
print(sys.getrefcount(val))
del c, d
print(sys.getrefcount(val))
