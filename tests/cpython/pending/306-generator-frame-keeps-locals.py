# A suspended generator's frame keeps its locals alive until it finishes.
class Big:
    def __del__(self):
        print("Big freed")

def holder():
    b = Big()
    yield 1
    yield 2

g = holder()
print("created, not started")
print(next(g))
print("suspended")
print(next(g))
print(next(g, "end"))
print("after exhaustion")
g2 = holder()
next(g2)
del g2
print("after del of suspended")
