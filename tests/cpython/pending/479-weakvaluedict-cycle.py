# WeakValueDictionary entries whose values are in a cycle vanish at gc.collect().
import gc
import weakref
class Session:
    def __init__(self, sid):
        self.sid = sid
        self.me = self
gc.collect()
cache = weakref.WeakValueDictionary()
for sid in range(3):
    cache[sid] = Session(sid)
print(len(cache))
keep = cache[1]
print(gc.collect())
print(len(cache), list(cache.keys()))
del keep
print(len(cache))
gc.collect()
print(len(cache))
