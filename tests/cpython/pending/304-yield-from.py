# yield from delegates to a sub-generator and returns its return value.
def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    yield from range(2)

print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", (1, 2), {3: 0})))
