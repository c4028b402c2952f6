# refcounts of self inside methods, of instances, and of a bound method kept in a variable
import sys
class C:
    def __init__(self):
        print('init', sys.getrefcount(self))
    def m(self):
        return sys.getrefcount(self)
    def keep(self, other):
        self.other = other
c = C()
print('c', sys.getrefcount(c))
print('m', c.m())
bound = c.m
print('bound', sys.getrefcount(c))
print('via bound', bound())
del bound
print('del bound', sys.getrefcount(c))
d = C()
c.keep(d)
print('attr', sys.getrefcount(d))
d.keep(d)
print('self attr', sys.getrefcount(d))
del c.other
print('del attr', sys.getrefcount(d))
lst = [c, c]
print('in list', sys.getrefcount(c))
