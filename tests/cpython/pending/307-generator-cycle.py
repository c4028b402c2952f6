# A generator whose frame refers to the generator itself is a cycle.
import gc
class Tag:
    def __del__(self):
        print("Tag freed")

def selfish():
    t = Tag()
    me = yield
    yield me

gc.collect()
g = selfish()
next(g)
g.send(g)
del g
print("deleted")
print(gc.collect())
