# f(*t) builds a new args tuple for a Python function, even from a tuple.
import sys
def same(*args):
    return args

t = tuple([1, 2, 3])
print(same(*t) is t)
lst = [1, 2, 3]
print(same(*lst) == t, type(same(*lst)).__name__)
def count(*args):
    return sys.getrefcount(args)
print(count(1, 2))
print(sys.getrefcount(t), count(*t))
def kw(**k):
    return sys.getrefcount(k)
print(kw(a=1))
