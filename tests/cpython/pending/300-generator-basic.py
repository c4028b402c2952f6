# A generator function returns a generator; next() runs it to the next yield.
def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    print("finished")

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g))
print(next(g, "default"))
