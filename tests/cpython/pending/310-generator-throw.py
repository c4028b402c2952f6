# throw() raises an exception at the paused yield.
def resilient():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", e)

g = resilient()
print(next(g))
print(g.throw(ValueError("boom")))
print(g.throw(ValueError("again")))
try:
    g.throw(KeyError("fatal"))
except KeyError as e:
    print("escaped", repr(e))
print(next(g, "gone"))
