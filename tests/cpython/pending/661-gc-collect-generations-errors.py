# The exceptions raised in 361-gc-collect-generations (gc.collect(generation) returns the number of unreachable objects it found), caught and printed.
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
cycle()
gc.collect(0)
cycle()
try:
    gc.collect(3)
except ValueError as e:
    print(e)
