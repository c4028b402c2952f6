# dict sizes: literals, del never shrinks, clear() goes back to 64, copies, comprehensions
import sys
n = 1
print(sys.getsizeof({}), sys.getsizeof({n: 1}), sys.getsizeof({'a': 1}), sys.getsizeof({'a': 1, 'b': 2, 'c': 3}))
d = {}
for i in range(20):
    d[i] = i
print(sys.getsizeof(d))
for i in range(19):
    del d[i]
print(len(d), sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
d[1] = 1
print(sys.getsizeof(d))
e = {i: i for i in range(20)}
print(sys.getsizeof(e), sys.getsizeof(e.copy()), sys.getsizeof(dict(e)))
f = dict(zip(range(6), range(6)))
print(sys.getsizeof(f))
g = {}
g.update(e)
print(sys.getsizeof(g))
h = {}
for i in range(1000):
    h[i] = None
print(sys.getsizeof(h))
