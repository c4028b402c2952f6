# Sizes of sets made by set operations and copies.
import sys
a = set(range(10))
b = set(range(5, 15))
print(sys.getsizeof(a), sys.getsizeof(b))
print(sys.getsizeof(a | b), sys.getsizeof(a & b), sys.getsizeof(a - b), sys.getsizeof(a ^ b))
print(sys.getsizeof(a.copy()), sys.getsizeof(set(a)), sys.getsizeof(a.union(b)))
print(sys.getsizeof(a.intersection(b)), sys.getsizeof(a.difference(b)))
c = set(a)
c |= b
print(sys.getsizeof(c))
c -= b
print(sys.getsizeof(c))
print(sys.getsizeof(set([1, 2, 3])), sys.getsizeof({1, 2, 3}), sys.getsizeof(set(range(100))))
