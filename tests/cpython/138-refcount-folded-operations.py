# Constant folding of operations, with CPython's limits: ints of at most
# 128 bits, tuples of at most 256 items, strs of at most 4096 characters,
# no str % args, nothing that raises; a folded result is one constant.
import sys
a = 2 ** 100
print(sys.getrefcount(a))
b = 2 ** 60
print(sys.getrefcount(b))
c = 'ab' * 2048
print(sys.getrefcount(c), len(c))
d = 'ab' * 2049
print(sys.getrefcount(d))
e = (1, 2) * 128
print(sys.getrefcount(e))
f = (1, 2) * 129
print(sys.getrefcount(f))
g = 1 << 100
print(sys.getrefcount(g))
h = 1 << 200
print(sys.getrefcount(h))
i = 7 / 2
print(sys.getrefcount(i), i)
j = 10 // 3 + 1000
print(sys.getrefcount(j))
k = 'x%sy' % 5
print(sys.getrefcount(k))
l = 1.5 + 2
print(sys.getrefcount(l))
m = 2 ** -1
print(sys.getrefcount(m), m)
n = 3 - 5000
print(sys.getrefcount(n))
o = 'ab' + 'cd'
p = 'abcd'
print(o is p, sys.getrefcount(p))
def q():
    return 1 / 0 if False else 0
print(q())
r = -(2 ** 10)
print(sys.getrefcount(r))
a = not 5
b = ~1000
print(sys.getrefcount(b), b)
c = -(-5000)
print(sys.getrefcount(c))
d = -(2 ** 10) + 1
print(sys.getrefcount(d))
e = (-1000, ~2, not 0)
print(sys.getrefcount(e), e)
f = -'x' if False else 3
x = 1
g = -x
print(g)
