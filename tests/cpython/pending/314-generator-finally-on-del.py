# Deleting a suspended generator closes it: its finally block runs.
def guarded(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", name)

g = guarded("g")
next(g)
del g
print("after del")
h = guarded("h")
print(list(h))
k = guarded("never started")
del k
print("end")
