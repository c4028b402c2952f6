# References to an object returned from a function, held in a container, and unpacked.
import sys
x = [1]
def give():
    return x
print(sys.getrefcount(give()))
y = give()
print(sys.getrefcount(x))
a, b = x, x
print(sys.getrefcount(x))
t = (x,)
a, = t
print(sys.getrefcount(x))
del a, b, t, y
print(sys.getrefcount(x))
