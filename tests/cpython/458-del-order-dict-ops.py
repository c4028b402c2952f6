# When dict operations free the old values.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
d = {"a": T("a1"), "b": T("b1"), "c": T("c1")}
d["a"] = T("a2")
print("replaced a")
del d["b"]
print("deleted b")
d.pop("c")
print("popped c")
d.update({"a": T("a3")})
print("updated a")
d.clear()
print("cleared")
