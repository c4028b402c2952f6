# A free variable read before the enclosing function binds it.
def outer():
    def inner():
        return value
    try:
        inner()
    except NameError as e:
        print(e)
    value = 1
    return inner()

print(outer())
