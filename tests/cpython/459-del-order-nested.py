# Nested containers are freed depth first, in CPython's order.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
tree = [T("root"), [T("left"), [T("left-left")]], {"r": T("right")}, (T("t0"), T("t1"))]
del tree
print("---")
o = T("outer")
o.child = T("child")
o.kids = [T("k0"), T("k1")]
del o
print("end")
