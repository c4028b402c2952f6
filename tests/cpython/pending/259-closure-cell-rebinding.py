# Rebinding the captured name in the outer function is seen by the closure.
def outer():
    value = "before"
    def peek():
        return value
    first = peek()
    value = "after"
    return first, peek()

print(outer())
def outer2():
    data = [1]
    def peek():
        return data
    old = data
    data = [2]
    return old, peek()
print(outer2())
