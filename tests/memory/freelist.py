import gc
a = []
print(id(a))
del a
b = []
print(id(b))
c = []
del b
del c
gc.collect()
