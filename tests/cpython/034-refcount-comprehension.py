# refcounts seen from inside comprehensions (which run as their own function in 3.11)
import sys
x = [0]
lst = [sys.getrefcount(x) for i in range(2)]
print(lst)
src = [[1], [2]]
print([sys.getrefcount(src) for e in src])
print([sys.getrefcount(e) for e in src])
copies = [x for i in range(3)]
print(sys.getrefcount(x))
d = {i: x for i in range(2)}
print(sys.getrefcount(x))
del copies
print(sys.getrefcount(x))
d.clear()
print(sys.getrefcount(x))
