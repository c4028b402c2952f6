def f(x):
    return [[x + i + j for j in range(2)] for i in range(2)]
print(f(1))
class K:
    """doc"""
    a = 1
    b = [i for i in range(3)]
    global zz
    zz = 2
    def m(self, y=3):
        return {y: self}
