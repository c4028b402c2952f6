# rebinding a name, reassigning an item or popping it frees the old object at that moment
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
x = D('x1')
print('rebinding')
x = D('x2')
print('rebound')
lst = [D('i0'), D('i1'), D('i2')]
lst[1] = D('i1b')
print('pop')
lst.pop()
print('remove')
lst.remove(lst[0])
print('del item')
del lst[0]
print('alias keeps alive')
y = D('y')
z = y
del y
print('still alive', z.name)
z = 0
print('end')
