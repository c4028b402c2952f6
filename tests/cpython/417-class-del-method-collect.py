# A class with __del__ in a cycle with its instance (via a class attribute).
import gc
gc.collect()
class Registry:
    instances = []
    def __init__(self):
        Registry.instances.append(self)
    def __del__(self):
        print("Registry instance freed")
r = Registry()
del r
print("name gone, still in the class list")
del Registry
print(gc.collect())
