# gc.is_tracked for each kind of object
import gc, sys
from array import array
n = 5
print('int', gc.is_tracked(n), gc.is_tracked(2 ** (n * 20)))
print('float', gc.is_tracked(n / 2))
print('str', gc.is_tracked('abc' * n))
print('None', gc.is_tracked(None), 'bool', gc.is_tracked(True))
print('range', gc.is_tracked(range(n)))
print('list', gc.is_tracked([]), gc.is_tracked([n]))
print('set', gc.is_tracked(set()), gc.is_tracked({n}))
print('dict', gc.is_tracked({}), gc.is_tracked({'a': n}), gc.is_tracked({'a': []}))
print('tuple', gc.is_tracked((n, n)), gc.is_tracked(()))
class C:
    pass
def f():
    pass
print('instance', gc.is_tracked(C()))
print('function', gc.is_tracked(f))
print('class', gc.is_tracked(C))
print('module', gc.is_tracked(sys), gc.is_tracked(gc))
print('array', gc.is_tracked(array('i', [n])))
