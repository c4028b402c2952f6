# The seed workload: the classic million-int list built, deleted, built again
# and cleared; 100,000 self-referencing lists collected; a million-int array.
import gc
from array import array
gc.collect()   # start from a known collector state (CPython start-up leaves ~250 objects counted)
x = [i for i in range(1000000)]
del x
x = [i for i in range(1000000)]
x.clear()
for i in range(100000):
    l = []
    l.append(l)
    del l
print(gc.collect())
a = array('i', range(1000000))
print(len(a))
