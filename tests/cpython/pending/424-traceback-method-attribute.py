# An uncaught AttributeError in a method, with CPython's caret line.
class Cart:
    def __init__(self):
        self.items = []
    def total(self):
        return sum(i.price for i in self.items) + self.shipping

c = Cart()
print(len(c.items))
c.total()
