# class attributes are shared by instances until an instance attribute shadows them
import sys
class Reg:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a = Reg()
b = Reg()
a.add(1)
b.add(2)
print(Reg.items, a.items is b.items, a.count, b.count, Reg.count)
a.items = ['own']
print(a.items, b.items, Reg.items)
del a.items
print(a.items)
print(sys.getrefcount(Reg.items) - sys.getrefcount(b.items))
