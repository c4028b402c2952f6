# KeyError with a tuple key shows the tuple
d = {(1, 2): 'a'}
print(d[(1, 2)])
k = (3, 4)
print(d[k])
