# An exception keeps its arguments in .args; str() and repr() show them.
e0 = ValueError()
e1 = ValueError("bad value")
e2 = ValueError("bad", 42)
for e in [e0, e1, e2]:
    print(e.args, repr(str(e)), repr(e))
k = KeyError("name")
print(str(k), repr(k))
o = OSError(2, "No such file")
print(o.args, o.errno, o.strerror)
print(str(StopIteration(5)), StopIteration(5).value)
