# A function's defaults live in a tuple on the function object.
import sys
marker = [0]
def f(a=marker, b=marker):
    return a
print(sys.getrefcount(marker))
print(f.__defaults__[0] is marker, len(f.__defaults__))
g = f
del f
print(sys.getrefcount(marker))
del g
print(sys.getrefcount(marker))
