# __del__ order on rebinding, slice assignment and list replacement.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
x = T("x1")
x = T("x2")
print("rebound")
row = [T("a"), T("b"), T("c"), T("d")]
row[1:3] = [T("e")]
print("slice assigned", len(row))
row[0] = T("f")
print("item replaced")
row = row[1:]
print("sliced copy kept")
row.reverse()
row = []
print("end")
