# lists built different ways: [0]*n, list(range(n)), comprehensions, extend, copy, slices
import sys
for n in [0, 1, 5, 10, 100, 1000]:
    print(n, sys.getsizeof([0] * n), sys.getsizeof(list(range(n))), sys.getsizeof([i for i in range(n)]))
a = [1, 2, 3]
a.extend([4, 5])
print(sys.getsizeof(a))
a.extend(range(100))
print(sys.getsizeof(a))
b = a.copy()
print(sys.getsizeof(b), sys.getsizeof(a[:]), sys.getsizeof(a[:10]), sys.getsizeof(a[::2]))
c = []
c.extend(range(10))
print(sys.getsizeof(c))
d = [0] * 10
d.append(1)
print(sys.getsizeof(d))
e = []
e.insert(0, 1)
e.insert(0, 2)
print(sys.getsizeof(e), sys.getsizeof(a + b), sys.getsizeof(a * 2))
