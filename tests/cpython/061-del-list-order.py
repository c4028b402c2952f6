# freeing a list releases its items from the last to the first; list.clear() too
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
lst = [D('a'), D('b'), D('c')]
print('del lst')
del lst
lst = [D('x'), D('y'), D('z')]
print('clear')
lst.clear()
print('rebind')
lst = [D('p'), D('q')]
lst = None
print('tuple')
t = (D('t1'), D('t2'), D('t3'))
del t
print('nested')
n = [[D('n1'), D('n2')], [D('n3')]]
del n
print('end')
