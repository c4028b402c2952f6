# Passing an object to a function adds references: the parameter, and the
# argument on the caller's stack while the call runs.
import sys
data = [1, 2, 3]
print(sys.getrefcount(data))

def inner(obj):
    return sys.getrefcount(obj)

def outer(obj):
    return inner(obj)

print(inner(data))
print(outer(data))
alias = data
print(inner(data))
