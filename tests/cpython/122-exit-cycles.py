# at program end, unreachable cycles and cycles still bound to globals are finalized too
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = D('garbage-a')
b = D('garbage-b')
a.o = b
b.o = a
del a, b
g = D('global-1')
h = D('global-2')
g.o = h
h.o = g
plain = D('plain')
print('end of script')
