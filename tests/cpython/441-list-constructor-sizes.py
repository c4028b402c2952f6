# Sizes of lists built from different sources.
import sys
t = (1, 2, 3, 4, 5)
d = {1: 0, 2: 0, 3: 0}
s = {1, 2, 3}
print(sys.getsizeof(list(t)), sys.getsizeof(list(range(5))), sys.getsizeof(list("abcde")))
print(sys.getsizeof(list(d)), sys.getsizeof(list(d.values())), sys.getsizeof(list(d.items())))
print(sys.getsizeof(list(s)), sys.getsizeof(sorted(s)), sys.getsizeof(sorted(t)))
print(sys.getsizeof([x for x in t]), sys.getsizeof([0] * 5), sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof(list(zip(t, t))), sys.getsizeof(list(enumerate(t))))
