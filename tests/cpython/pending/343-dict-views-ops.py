# Dict views are live; key views support set operations; | merges dicts.
d = {1: "one", 2: "two"}
k = d.keys()
v = d.values()
d[3] = "three"
print(len(k), list(k), list(v))
print(sorted(k & {2, 3, 4}), sorted(k | {9}), sorted(k - {1}))
print(2 in k, "two" in v, (1, "one") in d.items())
print(d | {4: "four"}, {**d, 1: "uno"})
d |= {5: "five"}
print(len(d), list(reversed(d)))
print(d == {5: "five", 3: "three", 2: "two", 1: "one"})
