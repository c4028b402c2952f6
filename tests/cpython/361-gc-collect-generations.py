# gc.collect(generation) returns the number of unreachable objects it found.
import gc
class Node:
    pass
def cycle():
    a = Node()
    b = Node()
    a.other = b
    b.other = a

gc.collect()
cycle()
print(gc.collect(0))
cycle()
gc.collect(0)
print(gc.collect(1))
cycle()
print(gc.collect(2))
print(gc.collect())
