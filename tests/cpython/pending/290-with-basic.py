# with calls __enter__ before the block and __exit__ after it.
class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb)
        return False

with Managed("a") as m:
    print("body with", m.name)
print("after")
