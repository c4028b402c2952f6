# sys.getrefcount: its own argument, aliases, rebinding and del of names
import sys
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
z = y
print(sys.getrefcount(x), sys.getrefcount(y))
del y
print(sys.getrefcount(x))
z = None
print(sys.getrefcount(x))
t = (1, 2, [3])
u = t
print(sys.getrefcount(t))
n = 100
big = 2 ** n
print(sys.getrefcount(big))
f = 1.25 * n
g = f
print(sys.getrefcount(f))
s = 'abc' * n
print(sys.getrefcount(s))
d = {}
print(sys.getrefcount(d))
print(sys.getrefcount([]), sys.getrefcount({}))
