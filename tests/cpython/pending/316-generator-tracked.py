# Generators are tracked by the collector, like the frames they hold.
import gc
def gen():
    yield 1
g = gen()
print(gc.is_tracked(g))
print(gc.is_tracked(x for x in []))
print(gc.is_tracked(iter([1])), gc.is_tracked(iter(range(3))))
print(gc.is_tracked(range(3)), gc.is_tracked(enumerate([])))
print(gc.is_tracked(map(abs, [])), gc.is_tracked(zip()))
