# close() on a suspended generator releases its frame's locals at once.
import sys
class Big:
    def __del__(self):
        print("Big freed")

def gen():
    b = Big()
    while True:
        yield sys.getrefcount(b)

g = gen()
print(next(g))
print(next(g))
g.close()
print("closed", g.gi_frame)
