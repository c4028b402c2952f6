# A cell holds one reference to the captured value; the function holds the cell.
import sys
def outer():
    items = [1, 2, 3]
    print("in outer", sys.getrefcount(items))
    def inner():
        return items
    print("after def", sys.getrefcount(items))
    return inner

f = outer()
lst = f()
print(sys.getrefcount(lst))
g = outer()
print(f() is g())
del f
print(sys.getrefcount(lst))
