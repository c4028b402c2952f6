# sys.getrefcount counts the argument's own temporary reference.
import sys
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
box = [x, x, x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
del box
print(sys.getrefcount(x))
d.clear()
del y
print(sys.getrefcount(x))
print(sys.getrefcount([]))
