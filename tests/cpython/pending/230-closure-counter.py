# A closure with nonlocal: each counter keeps its own cell.
def make_counter(start=0):
    count = start
    def step():
        nonlocal count
        count += 1
        return count
    return step

a = make_counter()
b = make_counter(10)
print(a(), a(), a())
print(b(), b())
print(a.__code__.co_freevars)
print(len(a.__closure__), a.__closure__[0].cell_contents)
print(type(a.__closure__[0]).__name__)
