# The size of the *args tuple a call builds: 40 bytes plus 8 per item.
import sys
def size(*args):
    return sys.getsizeof(args)

print(size())
print(size(1))
print(size(1, 2, 3))
print(size(*range(10)))
print(sys.getsizeof(()), sys.getsizeof((1,)))
