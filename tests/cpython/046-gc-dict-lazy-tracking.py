# dicts start untracked, become tracked when a value that may be tracked goes in; only a full collection untracks them
import gc
gc.collect()
n = 1
d = {}
print(gc.is_tracked(d))
d['a'] = n
d['b'] = 'text' * n
d[3] = 2.5 * n
print(gc.is_tracked(d))
t0 = (n, 2)
gc.collect()
d['t0'] = t0
print('untracked tuple value', gc.is_tracked(t0), gc.is_tracked(d))
d['t'] = (n, 3)
print('fresh tuple value', gc.is_tracked(d))
e = {}
e['l'] = []
print('list value', gc.is_tracked(e))
del e['l']
print('after del', gc.is_tracked(e))
gc.collect(0)
print('after gen0', gc.is_tracked(e))
gc.collect(1)
print('after gen1', gc.is_tracked(e))
gc.collect()
print('after full', gc.is_tracked(e), gc.is_tracked(d))
f = {'x': [1]}
gc.collect()
print('holding list', gc.is_tracked(f))
g = {'empty': {}}
gc.collect()
print('holding empty dict', gc.is_tracked(g), gc.is_tracked(g['empty']))
h = {'k': 1}
h.update({'j': []})
print('update', gc.is_tracked(h))
i = {}
i.setdefault('s', set())
print('setdefault', gc.is_tracked(i))
