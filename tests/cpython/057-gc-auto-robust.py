# automatic collection with containers: lists freed by a collection go to the list free list, so reusing them does not count
import gc
class Obj:
    def __init__(self, n):
        self.n = n
        self.me = self
        self.stuff = [[n], [n], [n]]
    def __del__(self):
        print('  del', self.n)
gc.collect()
gc.set_threshold(12)
for i in range(5):
    o = Obj(i)
    del o
    print('step', i)
gc.disable()
print('left for the final collect', gc.collect())
