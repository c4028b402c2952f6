# The order of __exit__, finally and __del__ when the body raises.
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
    def __del__(self):
        print("del", self.name)

def run():
    try:
        with Res("r"):
            raise KeyError("k")
    finally:
        print("finally")

try:
    run()
except KeyError:
    print("caught")
print("end")
