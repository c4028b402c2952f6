# import forms: import gc, sys; import array; from array import array
import gc, sys
import array
m = array.array('b', [1, 2])
print(len(m), m[1])
from array import array
a = array('i', [1, 2, 3])
print(len(a), a[0], a[-1])
print(gc.isenabled(), sys.getsizeof(1))
b = array('d')
b.append(1.5)
print(len(b), b[0])
print(type(a))
import sys
print(sys.getsizeof([]))
