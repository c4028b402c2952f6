# obj.__dict__ is made on access; its size as attributes are added.
import sys
class C:
    pass
c = C()
print(sys.getsizeof(c))
print(sys.getsizeof(c.__dict__))
for name in "abcdef":
    setattr(c, name, 1)
    print(name, sys.getsizeof(c.__dict__))
print(c.__dict__)
d = C()
d.x = 1
print(sys.getsizeof(d.__dict__), sys.getsizeof(vars(d)))
