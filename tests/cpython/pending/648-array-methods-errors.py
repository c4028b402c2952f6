# The exceptions raised in 348-array-methods (array methods: append, extend, insert, pop, remove, index, count, reverse), caught and printed.
from array import array
a = array("h", [5, 1, 5])
a.append(7)
a.extend([8, 9])
a.insert(1, 0)
a.remove(5)
a.reverse()
try:
    a.remove(42)
except ValueError as e:
    print(e)
try:
    a.append(100000)
except OverflowError as e:
    print(e)
