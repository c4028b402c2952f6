# add, discard, remove, pop, copy and clear on a set of ints.
s = set()
for n in [5, 3, 5, 1]:
    s.add(n)
print(sorted(s), len(s))
s.discard(3)
s.discard(42)
print(sorted(s))
s.remove(5)
try:
    s.remove(5)
except KeyError as e:
    print("KeyError", e)
s.update(range(4))
print(s.pop(), s.pop(), sorted(s))
t = s.copy()
s.clear()
print(s, sorted(t), set() == frozenset())
try:
    set().pop()
except KeyError as e:
    print(e)
print(frozenset([1, 2]) | {3}, type(frozenset([1]) | {3}).__name__)
