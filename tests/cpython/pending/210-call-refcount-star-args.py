# The *args tuple holds a reference to each argument during the call.
import sys
x = [0]

def count(*args):
    return sys.getrefcount(args[0])

def count_kw(**kw):
    return sys.getrefcount(kw["v"])

print(sys.getrefcount(x))
print(count(x))
print(count(x, x))
print(count_kw(v=x))
xs = [x]
print(count(*xs))
print(sys.getrefcount(x))
