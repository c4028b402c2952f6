# Deleting a slice frees the removed items in CPython's order.
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)

row = [Item(i) for i in range(6)]
del row[::2]
print("after del row[::2]:", [x.n for x in row])
row2 = [Item(i) for i in range(10, 14)]
del row2[1:3]
print("after del row2[1:3]")
row2[:] = []
print("after clear by slice")
row3 = [Item(20), Item(21), Item(22)]
row3.clear()
del row
print("end")
