# The exceptions raised in 345-set-methods (add, discard, remove, pop, copy and clear on a set of ints), caught and printed.
s = set()
for n in [5, 3, 5, 1]:
    s.add(n)
s.discard(3)
s.discard(42)
s.remove(5)
try:
    s.remove(5)
except KeyError as e:
    print("KeyError", e)
s.update(range(4))
t = s.copy()
s.clear()
try:
    set().pop()
except KeyError as e:
    print(e)
