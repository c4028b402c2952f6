# del of names, subscripts, attributes and several targets at once
a = 1
b = [0, 1, 2, 3, 4]
c = {'x': 1, 'y': 2, 'z': 3}
class K:
    pass
k = K()
k.attr = 'v'
k.other = 'w'
del b[0]
print(b)
del b[-1]
print(b)
del c['y']
print(c)
del k.attr
print(k.other, isinstance(k, K))
del a
a = 'rebound'
print(a)
x = y = 5
del x, y
z = [[1, 2], [3, 4]]
del z[0][1], z[1]
print(z)
del c['x'], c['z']
print(c, len(c))
