# List sizes after extend, insert, slicing and copying.
import sys
a = []
a.extend(range(5))
print(sys.getsizeof(a))
b = []
for i in range(5):
    b.insert(0, i)
print(sys.getsizeof(b))
print(sys.getsizeof(a[:]), sys.getsizeof(a.copy()), sys.getsizeof(list(a)))
c = [0] * 5
c.extend(reversed(c))
print(sys.getsizeof(c))
d = list(reversed(a))
print(sys.getsizeof(d), sys.getsizeof(a + b), sys.getsizeof(a * 2))
e = [1, 2, 3]
e += [4]
print(sys.getsizeof(e))
