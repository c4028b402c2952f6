# After StopIteration a generator stays exhausted; a for loop ends quietly.
def two():
    yield "a"
    yield "b"

g = two()
for item in g:
    print(item)
for item in g:
    print("never", item)
print(next(g, None))
it = iter([1])
print(next(it), next(it, "done"))
next(it)
