# A suspended generator in a cycle: gc.collect() closes it, so its finally runs.
import gc
class Holder:
    pass
def worker(h):
    try:
        yield 1
        yield 2
    finally:
        print("finally ran, holder alive:", h is not None)
gc.collect()
h = Holder()
h.gen = worker(h)
next(h.gen)
del h
print("deleted")
print(gc.collect())
print("collected")
