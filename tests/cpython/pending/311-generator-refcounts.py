# References held by a suspended generator.
import sys
data = [1, 2, 3]
def walk(xs):
    for x in xs:
        yield x

print(sys.getrefcount(data))
g = walk(data)
print(sys.getrefcount(data))
next(g)
print(sys.getrefcount(data))
print(sys.getrefcount(g))
for _ in g:
    pass
print(sys.getrefcount(data))
