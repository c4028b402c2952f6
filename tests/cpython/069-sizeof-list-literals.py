# sys.getsizeof of list displays: 56 + 8 * capacity; >= 3 constants are built by extend (even capacity)
import sys
a = 1
b = 2
c = 3
d = 4
e = 5
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2]))
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([a, b, c]))
print(sys.getsizeof([1, 2, 3, 4]), sys.getsizeof([a, b, c, d]))
print(sys.getsizeof([1, 2, 3, 4, 5]), sys.getsizeof([a, b, c, d, e]))
print(sys.getsizeof([1, 'x', 2.5]), sys.getsizeof([a, 2, 3]))
print(sys.getsizeof([[], [], []]), sys.getsizeof([None] * 3))
print(sys.getsizeof(list((1, 2, 3))), sys.getsizeof(list('abcdefg')))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7]), sys.getsizeof([a, a, a, a, a, a, a]))
