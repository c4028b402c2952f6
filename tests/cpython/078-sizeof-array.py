# array.array sizes: 80 empty, 80 + n * itemsize when built from a list or sequence, for every typecode
import sys
from array import array
for code in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd']:
    print(code, sys.getsizeof(array(code)), sys.getsizeof(array(code, [1])), sys.getsizeof(array(code, [1, 2, 3])), sys.getsizeof(array(code, range(10))))
a = array('d', [1.5, 2.5])
print(a[0] + a[1], len(a), a)
b = array('i', [1, 2, 3])
print(b, b[-1], array('b'))
