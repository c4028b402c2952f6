# A new class already has several references: its own dict's descriptors,
# its MRO tuple, and the module's name for it.
import sys
class Empty:
    pass
print(sys.getrefcount(Empty))
class WithMethod:
    def m(self):
        pass
print(sys.getrefcount(WithMethod))
class Child(Empty):
    pass
print(sys.getrefcount(Empty), sys.getrefcount(Child))
inst = Empty()
print(sys.getrefcount(Empty))
