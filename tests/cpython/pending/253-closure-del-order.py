# Freeing a closure frees its cell and then the captured object.
class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

def bind(a, b):
    def both():
        return a.name + b.name
    return both

f = bind(Tag("first"), Tag("second"))
print(f())
del f
print("after del")
g = bind(Tag("x"), Tag("y"))
g = None
print("end")
