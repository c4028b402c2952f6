# *args collects the extra positional arguments into a new tuple.
def show(*args):
    print(type(args).__name__, len(args), args)

show()
show(1)
show(1, "two", [3])
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest(1, 2, 3))
print(first_and_rest("only"))
