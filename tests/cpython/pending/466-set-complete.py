# More of set: frozensets as keys, sets of tuples, comparisons, comprehensions.
fs = frozenset([1, 2])
d = {fs: "pair"}
print(d[frozenset([2, 1])], hash(fs) == hash(frozenset([2, 1])))
pts = {(0, 0), (1, 2), (0, 0)}
print(len(pts), sorted(pts))
print({1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} > {1}, set() == set(), {0} == {False})
sq = {n * n for n in range(-3, 4)}
print(sorted(sq), len(sq))
print(sorted({1, 2, 3} - {2}), sorted(set("aab") - set("b")), 3 in {1, 2, 3})
