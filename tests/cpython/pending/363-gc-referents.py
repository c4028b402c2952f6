# gc.get_referents and gc.get_referrers on containers.
import gc
a = [1, 2]
b = {"k": a}
c = (a, "x")
print(len(gc.get_referents(a)), sorted(gc.get_referents(a)))
print(gc.get_referents(b) == ["k", a] or gc.get_referents(b) == [a, "k"])
print([type(r).__name__ for r in gc.get_referents(c)])
refs = gc.get_referrers(a)
print(sum(1 for r in refs if r is b), sum(1 for r in refs if r is c))
print(gc.get_referents(1, "s", None))
