# The exceptions raised in 347-array-operators (array: + * += *= == and their sizes), caught and printed.
import sys
from array import array
a = array("i", [1, 2, 3])
b = array("i", [4])
c = a + b
d = a * 3
a += b
b *= 4
try:
    a + array("d", [1.0])
except TypeError as e:
    print(e)
