# Sizes of empty and one-element containers, and after clearing them.
import sys
from array import array
l = [1]
d = {1: 1}
s = {1}
print(sys.getsizeof([]), sys.getsizeof(l), sys.getsizeof({}), sys.getsizeof(d))
print(sys.getsizeof(set()), sys.getsizeof(s), sys.getsizeof(()), sys.getsizeof(array("i")))
l.clear()
d.clear()
s.clear()
print(sys.getsizeof(l), sys.getsizeof(d), sys.getsizeof(s))
l.append(2)
d[2] = 2
s.add(2)
print(sys.getsizeof(l), sys.getsizeof(d), sys.getsizeof(s))
