# References held by pending arguments of outer calls while an inner call runs.
import sys
x = []
def second(a, b):
    return b
def ident(o):
    return o
print(second(x, second(x, sys.getrefcount(x))))
print(second(ident(x), sys.getrefcount(x)))
print(second(0, second(0, sys.getrefcount(ident(x)))))
print(sys.getrefcount(ident(ident(x))))
