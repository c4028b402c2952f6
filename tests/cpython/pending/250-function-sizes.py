# sys.getsizeof of functions, lambdas, closures and cells.
import sys
def plain():
    pass
def outer():
    x = 1
    def inner():
        return x
    return inner
f = outer()
print(sys.getsizeof(plain))
print(sys.getsizeof(lambda: 0))
print(sys.getsizeof(f))
print(sys.getsizeof(f.__closure__))
print(sys.getsizeof(f.__closure__[0]))
print(sys.getsizeof(plain.__code__) > 0)
