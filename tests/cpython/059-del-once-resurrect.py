# __del__ runs once per object: resurrection through a global, then the object dies for good silently
import gc, sys
saved = None
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        global saved
        print('del', self.name)
        saved = self
p = Phoenix('p')
del p
print('saved is back', saved.name, sys.getrefcount(saved))
saved = None
print('second death is silent')
gc.collect()
q = Phoenix('q')
q.me = q
del q
print(gc.collect())
print('resurrected from a cycle', saved.name, saved.me is saved)
saved.me = None
saved = None
print(gc.collect())
print('end')
