# AttributeError raised inside a method reading a deleted attribute
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, n):
        self.total += n
        return self.total
a = Acc()
print(a.add(5))
del a.total
print('deleted total')
a.add(1)
