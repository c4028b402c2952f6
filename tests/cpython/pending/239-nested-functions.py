# A nested def makes a new function object on every call of the outer one.
import sys
def outer():
    def helper():
        return 1
    return helper

a = outer()
b = outer()
print(a is b, a() + b())
print(a.__name__, a.__qualname__)
print(sys.getrefcount(a))
def uses_helper(xs):
    def norm(x):
        return x * 2
    return [norm(x) for x in xs]
print(uses_helper([1, 2]))
