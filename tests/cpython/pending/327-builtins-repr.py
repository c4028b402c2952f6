# repr() of values, with the quoting rules for strings.
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnew\nline"), repr("é"), repr("\x00\x7f"))
print(repr([1, "a", None, 2.5, (1,), {}]))
print(repr({"k": [1, {"n": ()}]}))
print(repr(1e16), repr(1e-5), repr(0.1 + 0.2), repr(-0.0))
print(repr(float("inf")), repr(10 ** 20), repr(True))
print(str("x"), repr(str("x")), ascii("é"))
