# Freeing a container frees its items: list in order, dict in insertion order.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)

lst = [T("l0"), T("l1"), T("l2")]
del lst
d = {"a": T("d-a"), "b": T("d-b")}
del d
t = (T("t0"), T("t1"))
del t
s = [T("x")]
s.pop()
print("end")
