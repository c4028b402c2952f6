# Since 3.4 a cycle with __del__ methods is collected; gc.garbage stays empty.
import gc
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
gc.collect()
a = Noisy("a")
b = Noisy("b")
a.b = b
b.a = a
del a, b
print(gc.collect())
print(gc.garbage)
