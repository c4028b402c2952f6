# Keyword arguments hold references like positional ones.
import sys
obj = [1]
def f(a, b=None):
    return sys.getrefcount(b)
print(sys.getrefcount(obj))
print(f(1, obj))
print(f(1, b=obj))
print(f(a=1, b=obj))
print(sys.getrefcount(obj))
