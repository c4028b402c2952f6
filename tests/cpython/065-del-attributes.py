# when an instance dies its __del__ runs first, then its attributes are released in assignment order
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
class Holder:
    def __init__(self):
        self.first = D('first')
        self.second = D('second')
        self.third = D('third')
    def __del__(self):
        print('del holder')
h = Holder()
h.second = D('second2')
print('del h')
del h
print('chain')
class Link:
    def __init__(self, name, nxt):
        self.name = name
        self.nxt = nxt
    def __del__(self):
        print('del link', self.name)
head = Link('1', Link('2', Link('3', None)))
del head
print('end')
