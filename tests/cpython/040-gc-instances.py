# two instances in a cycle collect 2 (attributes are inline in 3.11), plus 1 per payload container
import gc
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
a = Node('a')
b = Node('b')
a.other = b
b.other = a
del a, b
print(gc.collect())
c = Node('c')
d = Node('d')
c.other = d
d.other = c
c.payload = [1, 2, 3]
del c, d
print(gc.collect())
e = Node('e')
e.other = e
del e
print(gc.collect())
f = Node('f')
g = Node('g')
f.other = g
g.other = f
f.p1 = [1]
g.p2 = {'k': [2]}
del f, g
print(gc.collect())
