# What a function, a closure and a bound method refer to, by type.
import gc
def outer():
    x = [1]
    def inner(y=(1,)):
        return x
    return inner
f = outer()
print(sorted(type(r).__name__ for r in gc.get_referents(f)))
class C:
    def m(self):
        pass
c = C()
print(sorted(type(r).__name__ for r in gc.get_referents(c.m)))
print(sorted(type(r).__name__ for r in gc.get_referents(c)))
