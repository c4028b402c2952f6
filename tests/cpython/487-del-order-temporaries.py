# Temporaries die as soon as the interpreter is done with them.
class T:
    def __init__(self, name):
        self.name = name
        print("make", name)
    def __del__(self):
        print("free", self.name)
    def get(self):
        return self.name

print(T("a").name + T("b").name)
print("---")
print(T("c").get())
print("---")
T("d")
print("---")
x = T("e").name
print(x)
