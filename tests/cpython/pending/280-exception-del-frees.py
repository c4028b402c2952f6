# When the handler ends, the exception and its frames are released.
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

def fail():
    r = Res("local of fail")
    raise KeyError("k")

try:
    fail()
except KeyError:
    print("in handler")
print("after handler")
