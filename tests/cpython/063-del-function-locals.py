# at return, a function's locals are released in definition order: parameters first, then locals
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
def f(p, q):
    b = D('b')
    a = D('a')
    c = D('c')
    print('returning')
    return None
f(D('p'), D('q'))
print('after f')
def g():
    x = D('x')
    y = D('y')
    x = D('x2')
    print('g returns y')
    return y
kept = g()
print('kept', kept.name)
del kept
def h(arg):
    local = D('local')
    print('h body')
h(D('arg'))
print('end')
