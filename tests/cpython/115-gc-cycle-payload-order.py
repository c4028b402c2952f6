# a collected cycle with payload lists of finalizable objects: all 7 are unreachable, every __del__ runs in list order first
import gc
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
gc.collect()
a = D('a')
b = D('b')
a.other = b
b.other = a
a.items = [D('a1'), D('a2')]
b.items = [D('b1')]
del a, b
print('collect')
print(gc.collect())
print('end')
