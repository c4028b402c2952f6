# displays: list, tuple, dict, set literals and the repr of nested containers
print([], (), {}, set())
print([1, 2, 3], (1,), (1, 2), {'a': 1, 'b': 2}, {3})
print([[1, 2], [3, [4, [5]]]], ((1,), ()), {'x': [1, (2, 3)], 'y': {}})
print({1: 'one', 2: 'two'}, {(1, 2): 'pair'}, {None: None})
print({1, 2, 3}, {0}, {5, 4, 3, 2, 1})
print([1, 'a', 2.5, None, True, (), []])
t = 1, 2, 3
print(t, type(t))
d = {'b': 1, 'a': 2}
d['c'] = 3
print(d)
n = 7
print([n, n + 1], (n,), {n: n * n})
print([[]] * 3, [(), ()])
