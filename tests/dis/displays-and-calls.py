a = [10, 20, 30]
b = [a, 1]
x = 1 + 2
print(a, b, sep="-")
if a:
    y = 1
elif b:
    y = 3
else:
    y = 2
for i in range(3):
    if i == 1:
        continue
    print(i)
else:
    z = 0
while x < 10:
    x += 1
    if x > 5: break
def f(p, q=2):
    global g
    r = p + q
    g = r
    return [r * i for i in range(p) if i]
class C:
    n = 0
    def m(self):
        return self.n
c = C()
c.m()
del a
s = {1, 2, 3}
d = {'a': 1, 'b': 2}
d2 = {a: 1}
t = (1, 2)
u, v = t
z = a[1:2]
c.n = a[0]
k = x and y or z
w = 1 < x < 3
ss = f"{x!r:>4} and {y}"
import gc
from sys import getrefcount as gr
