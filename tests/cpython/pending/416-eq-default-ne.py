# __ne__ defaults to the inverse of __eq__; comparisons fall back to reflected ones.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("A.__eq__")
        return self.v == getattr(other, "v", other)
print(A(1) != A(2))
print(1 == A(1))
print(A(3) == 3)
print([A(1)].count(1))
