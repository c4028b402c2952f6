# dict methods: get, keys, values, items, update, setdefault, pop, copy, clear; order kept
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
d.update({'c': 3, 'a': 10})
print(d)
print(d.setdefault('b', 99), d.setdefault('e', []), d)
d['e'].append(5)
print(d.pop('a'), d.pop('zz', 'missing'), d)
d['a'] = 'back'
print(d)
e = d.copy()
e['new'] = 1
print(len(d), len(e), e is d)
d.clear()
print(d, len(e))
d[1] = 'one'
d[1.0] = 'float one'
d[True] = 'true'
print(d)
f = dict()
f.update([('x', 1), ('y', 2)])
for k, v in f.items():
    print(k, v)
print('x' in f.keys(), 2 in f.values())
