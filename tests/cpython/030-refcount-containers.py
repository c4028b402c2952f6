# refcounts grow with each container slot that holds the object
import sys
x = [0]
print(sys.getrefcount(x))
a = [x]
print(sys.getrefcount(x))
b = [x, x, x]
print(sys.getrefcount(x))
t = (x, x)
print(sys.getrefcount(x))
d = {'k': x, 'j': x}
print(sys.getrefcount(x))
one = 1
key = (one, 2)
e = {key: x}
print(sys.getrefcount(key), sys.getrefcount(x))
s = {key}
print(sys.getrefcount(key))
b.pop()
print(sys.getrefcount(x))
b.clear()
print(sys.getrefcount(x))
del d['k']
print(sys.getrefcount(x))
del a, t, d, e, s
print(sys.getrefcount(x), sys.getrefcount(key))
nested = [[x]]
print(sys.getrefcount(x), sys.getrefcount(nested[0]))
