# A mutable default is made once, at def time, and shared by every call.
import sys

def remember(item, seen=[]):
    seen.append(item)
    return seen

a = remember(1)
b = remember(2)
print(a, b, a is b)
print(remember.__defaults__)
print(remember.__defaults__[0] is a)
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
