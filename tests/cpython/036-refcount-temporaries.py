# refcounts of objects created and dropped in expressions, returned values, rebinding
import sys
def make():
    return [1, 2, 3]
a = make()
print(sys.getrefcount(a))
print(sys.getrefcount(make()))
b = a
a = make()
print(sys.getrefcount(b), sys.getrefcount(a))
c = [a, b]
c = [b]
print(sys.getrefcount(a), sys.getrefcount(b))
x = y = z = [7]
print(sys.getrefcount(x))
x, y = y, None
print(sys.getrefcount(z))
w = (x,)
print(sys.getrefcount(x), sys.getrefcount(w))
