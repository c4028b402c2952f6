# Sizes of tuples from different sources.
import sys
xs = [1, 2, 3]
print(sys.getsizeof(tuple(xs)), sys.getsizeof(tuple(range(10))), sys.getsizeof(tuple("ab")))
print(sys.getsizeof(tuple()), sys.getsizeof(tuple(xs) + tuple(xs)), sys.getsizeof(tuple(xs) * 3))
t = tuple(xs)
print(tuple(t) is t, t[:] is t, (t + ()) is t)
print(sys.getsizeof(tuple(enumerate(xs))), sys.getsizeof(tuple(zip(xs, xs))))
