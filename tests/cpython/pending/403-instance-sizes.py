# Sizes of instances, classes and their parts.
import sys
class A:
    pass
class B:
    def __init__(self):
        self.a = 1
        self.b = 2
print(sys.getsizeof(A()), sys.getsizeof(B()))
print(sys.getsizeof(B().__dict__))
print(sys.getsizeof(A) > 500, sys.getsizeof(object()))
print(sys.getsizeof(A.__dict__) > 0, type(A.__dict__).__name__)
print(sys.getsizeof(A.__mro__), sys.getsizeof(A.__bases__))
