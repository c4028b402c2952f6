# Constant folding: a tuple display of constants and a negative number
# literal are one constant each (made before the program runs, held by the
# code object and by the parse tree until the module has run), so the same
# object comes back every time the line runs, and nothing is allocated.
import sys
import gc
d = (1, 2)
print(sys.getrefcount(d))
j = (1, (2, 3), 'x y')
print(sys.getrefcount(j), sys.getrefcount(j[1]))
c = -1000
print(sys.getrefcount(c))
f = -2.5
print(sys.getrefcount(f))
seen = []
for q in range(3):
    m = (5, 6)
    seen.append(id(m))
print(sys.getrefcount(m), seen[0] == seen[1] == seen[2])
def pair():
    return (5, 6)
print(pair() is m, sys.getrefcount(m))
gc.disable()
before = gc.get_count()[0]
for q in range(10):
    t = (7, 8, 9)
after = gc.get_count()[0]
print(after - before)
print(() is (), sys.getrefcount(t))
