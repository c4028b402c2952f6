# finalizers in a collected cycle run in the collector's list order (creation order), all before any is cleared
import gc
class N:
    def __init__(self, name):
        self.name = name
        self.next = None
    def __del__(self):
        print('del', self.name, 'next is', self.next.name)
gc.collect()
a = N('a')
b = N('b')
c = N('c')
a.next = b
b.next = c
c.next = a
del a, b, c
print('collecting')
print(gc.collect())
z = N('z')
y = N('y')
x = N('x')
x.next = z
z.next = y
y.next = x
del x, y
print('z still named')
del z
print(gc.collect())
