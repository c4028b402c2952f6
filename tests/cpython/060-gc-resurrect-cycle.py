# a cycle whose finalizer stores the cycle in a global survives the collection; __del__ is not called again
import gc
keep = []
class R:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print('del', self.name)
        keep.append(self)
gc.collect()
a = R('a')
b = R('b')
a.other = b
b.other = a
del a, b
print('collected', gc.collect())
print(len(keep), keep[0].name, keep[1].name, keep[0].other is keep[1])
keep.clear()
print('after clear', gc.collect())
print('end')
