# An iterator holds its container while a for loop runs over it.
import sys
xs = [1, 2]
d = {1: 2}
s = {3}
for v in xs:
    print("list", sys.getrefcount(xs))
    break
for k in d:
    print("dict", sys.getrefcount(d))
for k in d.items():
    print("items", sys.getrefcount(d))
for e in s:
    print("set", sys.getrefcount(s))
it = iter(xs)
print(sys.getrefcount(xs))
del it
print(sys.getrefcount(xs))
