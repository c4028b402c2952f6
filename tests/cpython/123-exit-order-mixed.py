# at program end: instances bound to globals die first in insertion order (even in cycles), then container contents
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
early = D('early-in-list')
a = D('a')
h = [early, D('L2')]
del early
d = {'k': D('dv')}
b = D('b')
c = D('c')
t = (D('t1'), D('t2'))
g = D('g')
g.me = g
z = D('z')
print('end of script')
