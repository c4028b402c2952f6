# Making and freeing a million list-held ints; collecting 100,000 two-object cycles.
import gc
x = [i * 1000 for i in range(1000000)]
del x
gc.disable()
for i in range(100000):
    a = []
    b = [a]
    a.append(b)
del a, b
print(gc.collect())
