# The size of the **kwargs dict a call builds, as the keywords grow.
import sys
def size(**kw):
    return sys.getsizeof(kw)

print(size())
print(size(a=1))
print(size(a=1, b=2, c=3, d=4, e=5))
print(size(a=1, b=2, c=3, d=4, e=5, f=6))
print(size(**{"k" + str(i): i for i in range(11)}))
print(size(**{"k" + str(i): i for i in range(12)}))
