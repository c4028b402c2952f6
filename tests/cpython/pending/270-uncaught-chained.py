# An exception raised while handling another: CPython prints both tracebacks.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return int(k)

print(lookup({"1": 1}, "1"))
print(lookup({}, "2"))
lookup({}, "x")
