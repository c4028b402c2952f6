# gc.collect() over 1,000,000 unreachable self-cycles.
import gc
gc.disable()
for i in range(1000000):
    l = []
    l.append(l)
del l
print(gc.collect())
