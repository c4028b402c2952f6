# A registering decorator keeps every function alive in a global list.
import sys
registry = []
def register(func):
    registry.append(func)
    return func

@register
def one():
    return 1

@register
def two():
    return 2

print([f() for f in registry])
print(sys.getrefcount(one))
del one
print(registry[0]())
print(sys.getrefcount(registry[0]))
