# References held by a class's methods and class attributes.
import sys
shared = []
class Holder:
    a = shared
    b = shared
    def get(self):
        return shared
print(sys.getrefcount(shared))
h = Holder()
h.c = shared
print(sys.getrefcount(shared))
del Holder.a
print(sys.getrefcount(shared))
