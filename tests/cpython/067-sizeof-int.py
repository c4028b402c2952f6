# sys.getsizeof of ints: 28 up to 2**30-1, then +4 bytes per 30-bit digit; negatives the same; bools
import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(255), sys.getsizeof(2 ** 30 - 1))
print(sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 60 - 1), sys.getsizeof(2 ** 60), sys.getsizeof(2 ** 64))
print(sys.getsizeof(2 ** 90), sys.getsizeof(2 ** 100), sys.getsizeof(10 ** 30))
print(sys.getsizeof(-1), sys.getsizeof(-(2 ** 30)), sys.getsizeof(-(2 ** 64)))
print(sys.getsizeof(True), sys.getsizeof(False))
n = 1
for k in range(0, 181, 30):
    print(k, sys.getsizeof(2 ** k - n), sys.getsizeof(2 ** k))
