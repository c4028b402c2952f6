# When the arguments of a call are released: after the call returns.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def use(a, b):
    print("in use", a.name, b.name)
    return "result"

print(use(T("first"), T("second")))
print("---")
def keep(a):
    return a
k = keep(T("kept"))
print("kept alive:", k.name)
print([T("in list").name])
print("end")
