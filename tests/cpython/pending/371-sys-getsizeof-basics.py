# sys.getsizeof of the basic types on 64-bit CPython.
import sys
for x in [0, 1, 2 ** 30, 2 ** 60, -1, 1.5, True, None, "", "a", "é", (), (1,), [], [1], {}, {1: 1}, set(), {1}, range(5), b"", bytearray(), 1j]:
    print(type(x).__name__, sys.getsizeof(x))
print(sys.getsizeof(object()))
class C:
    pass
print(sys.getsizeof(C()))
