# Sizes of exception objects, and of one with attributes.
import sys
print(sys.getsizeof(Exception()))
print(sys.getsizeof(ValueError("x")))
print(sys.getsizeof(KeyError("k")))
print(sys.getsizeof(StopIteration(1)))
print(sys.getsizeof(OSError(1, "e")))
class E(Exception):
    pass
print(sys.getsizeof(E()))
e = E()
e.detail = 1
print(sys.getsizeof(e))
