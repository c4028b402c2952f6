# The exceptions raised in 323-builtins-attributes (getattr, setattr, hasattr and delattr on instances), caught and printed.
class P:
    kind = "point"

p = P()
setattr(p, "x", 3)
delattr(p, "x")
try:
    getattr(p, "x")
except AttributeError as e:
    print(e)
try:
    delattr(p, "kind")
except AttributeError as e:
    print(e)
