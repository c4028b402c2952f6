# Refcounts of constants: the code object's co_consts holds each literal
# (merged: equal literals are one object), every function using it holds
# it too, and the parser's tree holds it until the module has run.
import sys
a = 'hello world'
print(sys.getrefcount(a))
b = 'hello world'
print(sys.getrefcount(a), a is b)
i = 3.5
print(sys.getrefcount(i))
n = 12345
print(sys.getrefcount(n))
def fn():
    return 'hello world'
print(sys.getrefcount(a), fn() is a)
def g():
    s = 'only in g'
    return sys.getrefcount(s)
print(g())
k = [1000, 1000]
print(sys.getrefcount(k[0]), k[0] is k[1])
del a, b
print(sys.getrefcount(fn()))
# one latin-1 character is a static singleton, shared everywhere
c = 'a'
print('xa'[1] is c, 'é' is 'ée'[0], len('€'))
