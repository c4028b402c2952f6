# WeakValueDictionary: an entry disappears when its value dies (a cache).
import weakref
class Image:
    def __init__(self, name):
        self.name = name

cache = weakref.WeakValueDictionary()
a = Image("a")
b = Image("b")
cache["a"] = a
cache["b"] = b
print(len(cache), sorted(cache.keys()))
del a
print(len(cache), sorted(cache.keys()), "a" in cache)
print(cache["b"].name, cache.get("a"))
b = None
print(len(cache))
