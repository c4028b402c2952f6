# How many containers refer to an object (gc.get_referrers), before and after.
import gc
target = [0]
a = [target]
b = {"t": target}
class C:
    pass
c = C()
c.t = target
n = 0
for r in gc.get_referrers(target):
    if r is a or r is b:
        n += 1
print(n, len(gc.get_referents(c)))
del a, b
n = 0
for r in gc.get_referrers(target):
    if type(r) is list or type(r) is dict:
        n += 1
print(n >= 1)
