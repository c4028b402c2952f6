# Sizes of sets made by operations and copies.
import sys
a = set(range(10))
b = set(range(5, 15))
print(sys.getsizeof(set()), sys.getsizeof({1}), sys.getsizeof(a))
print(sys.getsizeof(a | b), sys.getsizeof(a & b), sys.getsizeof(a - b), sys.getsizeof(a ^ b))
print(sys.getsizeof(a.copy()), sys.getsizeof(set(a)), sys.getsizeof(frozenset(a)))
c = set()
for i in range(5):
    c.add(i)
print(sys.getsizeof(c))
c.add(5)
print(sys.getsizeof(c))
print(sys.getsizeof(set(range(100))), sys.getsizeof({i for i in range(100)}))
