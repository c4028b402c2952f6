# While the with block runs, the interpreter holds the bound __exit__.
import sys
class Res:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

r = Res()
print(sys.getrefcount(r))
with r:
    print(sys.getrefcount(r))
with r as same:
    print(sys.getrefcount(r))
print(sys.getrefcount(r))
del same
print(sys.getrefcount(r))
