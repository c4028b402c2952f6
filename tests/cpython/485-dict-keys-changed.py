# a dict whose keys change at the same size during iteration: RuntimeError
d = {1: 1}
for k in d:
    print(k)
    del d[k]
    d[2] = 2
