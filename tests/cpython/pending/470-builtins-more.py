# More builtins on dicts and mixed types.
d = {"b": 2, "a": 1, "c": 3}
print(sorted(d), sorted(d, key=d.get), max(d, key=d.get), min(d.values()))
print(list(enumerate(d)), list(reversed(d)), sum(d.values()), len(d))
print(list(zip(d, d.values(), range(10))))
print(any(d.values()), all(k.isalpha() for k in d), sorted(d.items(), reverse=True))
print(round(sum([0.1, 0.2, 0.3]), 10), sum([1, 2], 0.5), abs(-0.5), pow(10, -2))
print(isinstance(d, dict), callable(d.get), type(d.keys()).__name__, type(iter(d)).__name__)
