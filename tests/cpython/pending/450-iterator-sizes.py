# Sizes of iterators and views.
import sys
xs = [1, 2, 3]
d = {1: 2}
print(sys.getsizeof(iter(xs)), sys.getsizeof(reversed(xs)), sys.getsizeof(enumerate(xs)))
print(sys.getsizeof(zip(xs, xs)), sys.getsizeof(iter(range(3))), sys.getsizeof(iter("ab")))
print(sys.getsizeof(d.keys()), sys.getsizeof(d.values()), sys.getsizeof(d.items()))
print(sys.getsizeof(iter(d)), sys.getsizeof(iter((1,))), sys.getsizeof(iter({1})))
print(sys.getsizeof(range(0)), sys.getsizeof(range(10 ** 20)))
