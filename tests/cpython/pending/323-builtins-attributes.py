# getattr, setattr, hasattr and delattr on instances.
class P:
    kind = "point"

p = P()
setattr(p, "x", 3)
print(getattr(p, "x"), getattr(p, "y", "no y"), getattr(p, "kind"))
print(hasattr(p, "x"), hasattr(p, "y"), hasattr(P, "kind"))
delattr(p, "x")
print(hasattr(p, "x"))
