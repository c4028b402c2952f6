# Slicing an array makes a new array; sizes of slices and copies.
import sys
from array import array
a = array("i", range(10))
s = a[2:5]
print(s, type(s).__name__, sys.getsizeof(s))
print(a[::3], sys.getsizeof(a[::3]), a[-1], a[::-1].tolist()[:3])
b = array("i", a)
print(sys.getsizeof(a), sys.getsizeof(b), b == a, b is a)
c = array("d", [1.0, 2.0])
print(sys.getsizeof(c), sys.getsizeof(array("d")))
a[1:3] = array("i", [7, 7, 7])
print(a.tolist())
del a[::2]
print(a.tolist(), sys.getsizeof(a))
