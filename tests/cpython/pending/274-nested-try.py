# An inner handler that does not match lets the exception reach the outer one.
def risky(kind):
    if kind == "key":
        raise KeyError(kind)
    if kind == "type":
        raise TypeError(kind)
    return "ok"

for kind in ["none", "key", "type"]:
    try:
        try:
            print(risky(kind))
        except KeyError as e:
            print("inner caught", repr(e))
        print("after inner", kind)
    except TypeError as e:
        print("outer caught", repr(e))
