# the classic: a million-int list by comprehension vs [0]*n vs list(range(n)), then del
import sys, gc
x = [i for i in range(1000000)]
print(sys.getsizeof(x), len(x), x[-1])
y = [0] * 1000000
z = list(range(1000000))
print(sys.getsizeof(y), sys.getsizeof(z))
print(sum(x) == sum(z), x == z)
del x
del y, z
print(gc.collect())
