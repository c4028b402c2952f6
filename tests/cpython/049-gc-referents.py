# gc.get_referents: what a container refers to (lengths and membership only)
import gc
x = [1]
y = 'text'
lst = [x, y, x]
r = gc.get_referents(lst)
print(len(r), r[0] is x, r[1] is y)
t = (x, y)
print(len(gc.get_referents(t)))
d = {'k': x, 'j': y}
r = gc.get_referents(d)
print(len(r), x in r)
s = {1, 2, 3}
print(len(gc.get_referents(s)))
print(len(gc.get_referents(lst, t)))
print(len(gc.get_referents()), len(gc.get_referents(5)), len(gc.get_referents('s')))
print(len(gc.get_referents([])), len(gc.get_referents({})))
class P:
    def __init__(self):
        self.a = x
        self.b = [2]
p = P()
r = gc.get_referents(p)
print(x in r, P in r)
