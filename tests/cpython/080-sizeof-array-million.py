# array('i', range(10**6)) is 4,091,948 bytes, about half of the list of the same ints
import sys
from array import array
a = array('i', range(1000000))
print(sys.getsizeof(a), len(a), a[999999])
b = array('d', range(1000))
print(sys.getsizeof(b))
c = array('b', [0] * 1000)
print(sys.getsizeof(c))
del a
print('deleted')
