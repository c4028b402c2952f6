# freeing a dict and dict.clear() release entries first to last (key, then value)
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
d = {'a': D('va'), 'b': D('vb'), 'c': D('vc')}
print('del d')
del d
d = {1: D('one'), 2: D('two')}
d[0] = D('zero')
print('clear')
d.clear()
k1 = D('key1')
k2 = D('key2')
e = {k1: D('val1'), k2: D('val2')}
del k1, k2
print('del e')
del e
f = {'x': D('x0')}
print('overwrite')
f['x'] = D('x1')
print('pop')
f.pop('x')
print('end')
