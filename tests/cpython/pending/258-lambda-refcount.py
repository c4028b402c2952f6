# A lambda assigned to a name is an ordinary function object.
import sys
f = lambda x: x
print(sys.getrefcount(f))
g = f
print(sys.getrefcount(f))
fs = [f, f, f]
print(sys.getrefcount(f))
del fs, g
print(sys.getrefcount(f))
print(type(f).__name__, f.__name__)
