# EXACT COUNT MODEL: gen0 count is +1 per container allocated, -1 per one freed, but list/dict free lists bypass it
import gc
gc.collect()
gc.disable()
start = gc.get_count()
# the tuple returned by get_count() is counted after the values are read; later ones come from the tuple free list
warm = gc.get_count()[0]
c0 = gc.get_count()[0]
a = []
c1 = gc.get_count()[0]
b = []
c = {}
d = [a, b]
c2 = gc.get_count()[0]
del d
c3 = gc.get_count()[0]
e = []
c4 = gc.get_count()[0]
n = 1
f = (n, n)
c5 = gc.get_count()[0]
lst = [[i] for i in range(10)]
c6 = gc.get_count()[0]
gc.collect()
end = gc.get_count()
print(start, end, c0 - warm)
print('a = []', c1 - c0)
print('two lists and a dict', c2 - c1)
print('del d (to the free list)', c3 - c2)
print('e = [] (from the free list)', c4 - c3)
print('a tuple', c5 - c4)
print('11 lists', c6 - c5)
