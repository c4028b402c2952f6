# array methods: append, extend, insert, pop, remove, index, count, reverse.
from array import array
a = array("h", [5, 1, 5])
a.append(7)
a.extend([8, 9])
a.insert(1, 0)
print(a.tolist(), a.typecode, a.itemsize)
print(a.pop(), a.pop(0), a.index(5), a.count(5))
a.remove(5)
a.reverse()
print(a.tolist(), len(a))
print(array("d", [1.5]).itemsize, array("b").itemsize, array("q").itemsize)
