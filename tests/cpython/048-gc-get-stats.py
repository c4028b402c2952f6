# gc.get_stats: three generations; compare counters before and after collections (not raw values)
import gc
gc.collect()
gc.disable()
s = gc.get_stats()
print(len(s), type(s), type(s[0]), sorted(s[0]))
before = gc.get_stats()
gc.collect(0)
gc.collect(0)
gc.collect(1)
gc.collect()
after = gc.get_stats()
for g in range(3):
    print(g, after[g]['collections'] - before[g]['collections'])
a = []
b = [a]
a.append(b)
del a, b
before = gc.get_stats()
print(gc.collect())
after = gc.get_stats()
for g in range(3):
    print(g, after[g]['collected'] - before[g]['collected'], after[g]['uncollectable'] - before[g]['uncollectable'])
c = []
c.append(c)
del c
before = gc.get_stats()
gc.collect(0)
after = gc.get_stats()
print(after[0]['collected'] - before[0]['collected'], after[2]['collected'] - before[2]['collected'])
