import gc
x = []
for i in range(100000):
    x = [x]
x[0] = x
del x
print(gc.collect())
