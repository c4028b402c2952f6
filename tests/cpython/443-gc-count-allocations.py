# Generation-0 count after allocations and frees (this case tests the exact count model).
import gc
gc.collect()
print(gc.get_count())
a = []
b = {}
c = (a, b)
print(gc.get_count())
class C:
    pass
o = C()
print(gc.get_count())
del a, b, c
print(gc.get_count())
lst = [[] for i in range(10)]
print(gc.get_count())
del lst
print(gc.get_count())
s = "x" * 100
n = 10 ** 30
print(gc.get_count())
