# refcounts inside a function: parameter, local alias, returned object
import sys
x = []
def show(arg):
    print('param', sys.getrefcount(arg))
    local = arg
    print('alias', sys.getrefcount(arg))
show(x)
print('after', sys.getrefcount(x))
def two(a, b):
    print('twice', sys.getrefcount(a))
two(x, x)
def make():
    obj = [1]
    print('local', sys.getrefcount(obj))
    return obj
r = make()
print('returned', sys.getrefcount(r))
def default(v=[]):
    return sys.getrefcount(v)
print('default', default())
def nested(p):
    show(p)
nested(x)
print(sys.getrefcount(x))
