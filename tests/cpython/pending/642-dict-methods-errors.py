# The exceptions raised in 342-dict-methods (every dict method), caught and printed.
d = {"a": 1, "b": 2}
d.update({"x": 10}, y=20)
d.update([("z", 30)])
e = d.copy()
d.clear()
try:
    d.pop("missing")
except KeyError as err:
    print(repr(err))
try:
    d.popitem()
except KeyError as err:
    print(err)
