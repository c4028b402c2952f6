# Stacked decorators apply bottom-up and run top-down.
def tag(name):
    def deco(func):
        print("decorating with", name)
        def wrapper():
            return "<" + name + ">" + func() + "</" + name + ">"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "hi"

print(text())
