# array: + * += *= == and their sizes.
import sys
from array import array
a = array("i", [1, 2, 3])
b = array("i", [4])
c = a + b
print(c, sys.getsizeof(c))
d = a * 3
print(d, sys.getsizeof(d))
a += b
print(a, sys.getsizeof(a))
b *= 4
print(b, sys.getsizeof(b))
print(a == array("i", [1, 2, 3, 4]), a == [1, 2, 3, 4], a != c)
print(array("i", [1]) == array("d", [1.0]))
