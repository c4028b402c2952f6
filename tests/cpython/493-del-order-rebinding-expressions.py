# When an old value is freed by an assignment that reads it first.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)
x = [T("old")]
x = x + [T("new")]
print("rebound to", [t.name for t in x])
x = x[1:]
print("sliced")
a = b = T("shared")
a = None
print("a cleared")
b = None
print("b cleared")
y = T("y1")
y = [y, T("y2")][1]
print("end")
