# automatic collection with set_threshold(3, 2, 2): young garbage is found early, older garbage only when gen1 runs
import gc
class Obj:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print('  del', self.name)
gc.collect()
gc.disable()
old = Obj('old')
gc.collect(0)
del old
print('old cycle is in gen1 now')
gc.set_threshold(3, 2, 2)
gc.enable()
for i in range(8):
    x = Obj('young' + str(i))
    del x
    print('step', i)
gc.disable()
print(gc.collect())
