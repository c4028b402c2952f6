# TypeError: a list used as a dict key
d = {}
d[(1, 2)] = 'ok'
print(d)
k = [1, 2]
d[k] = 'bad'
