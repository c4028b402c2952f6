# at program end, objects bound to global names die in insertion order, objects inside containers after them
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = D('a')
h = [D('L1'), D('L2')]
b = D('b')
c = D('c')
a2 = a
print('end of script')
