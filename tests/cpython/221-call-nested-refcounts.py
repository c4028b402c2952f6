# Each active frame that names the object holds one reference.
import sys
obj = []

def level3(o):
    return sys.getrefcount(o)

def level2(o):
    return level3(o)

def level1(o):
    return level2(o)

print(sys.getrefcount(obj))
print(level3(obj))
print(level2(obj))
print(level1(obj))
