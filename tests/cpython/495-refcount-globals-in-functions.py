# A global seen from inside a function has the same references as at module level.
import sys
g = []
def read_global():
    return sys.getrefcount(g)
def read_param(p):
    return sys.getrefcount(p)
def read_local_copy():
    local = g
    return sys.getrefcount(g)
print(sys.getrefcount(g), read_global(), read_param(g), read_local_copy())
h = g
print(sys.getrefcount(g), read_global(), read_param(g), read_local_copy())
