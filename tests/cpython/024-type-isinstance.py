# type() of every builtin kind and isinstance(), including bool being an int
print(type(1), type(1.0), type('s'), type(None), type(True))
print(type([]), type(()), type({}), type(set()), type(range(2)))
print(type(2**100), type(1 / 1), type(7 // 2), type(7.0 // 2))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance('a', str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(1, (str, int)), isinstance(None, (str, list)))
class A:
    pass
a = A()
print(type(a), type(a) is A, isinstance(a, A), isinstance(A, A))
print(type(1) is int, type(True) is int, type(True) is bool, type(type(1)))
print(type(int('5')) is int, type(str(5)) is str, type(list('ab')))
def f():
    pass
print(type(f) is type(A.__init__))
