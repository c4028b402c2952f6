# More of dict: order after delete and reinsert, equality, reversed, nested update.
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 4
print(list(d), list(reversed(d)), list(reversed(d.items())))
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3})
cfg = {"db": {"host": "x", "port": 1}}
cfg["db"].update(port=2)
print(cfg)
print(len({}), len({1: 1, 1.0: 2, True: 3}), {1: 1, 1.0: 2, True: 3})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: -kv[1]))
try:
    {}[[1]] = 2
except TypeError as e:
    print(e)
