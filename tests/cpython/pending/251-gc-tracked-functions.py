# Functions, cells and closures are all tracked by the collector.
import gc
def outer():
    x = [1]
    def inner():
        return x
    return inner
f = outer()
print(gc.is_tracked(f))
print(gc.is_tracked(f.__closure__))
print(gc.is_tracked(f.__closure__[0]))
print(gc.is_tracked(lambda: 0))
print(gc.is_tracked(len))
print(gc.is_tracked(print))
