# Sizes of arrays built from arrays, lists and slices.
import sys
from array import array
a = array("i", range(10))
print(sys.getsizeof(a))
print(sys.getsizeof(array("i", a)), sys.getsizeof(array("i", list(a))))
print(sys.getsizeof(a[2:5]), sys.getsizeof(a[:]), sys.getsizeof(a[::2]))
print(sys.getsizeof(array("d", a)), sys.getsizeof(array("b", [1, 2, 3])))
b = array("i")
print(sys.getsizeof(b))
for i in range(6):
    b.append(i)
    print(len(b), sys.getsizeof(b))
