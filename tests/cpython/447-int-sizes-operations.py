# Sizes of ints produced by arithmetic.
import sys
n = 2 ** 29
print(sys.getsizeof(n), sys.getsizeof(n * 2), sys.getsizeof(n * 4), sys.getsizeof(-n * 2))
big = 10 ** 50
print(sys.getsizeof(big), sys.getsizeof(big - big), sys.getsizeof(big // big), sys.getsizeof(big * big))
print(sys.getsizeof(big >> 100), sys.getsizeof(big << 10), sys.getsizeof(big % 7), sys.getsizeof(-big))
print(sys.getsizeof(int("9" * 30)), sys.getsizeof(abs(-big)), sys.getsizeof(big & 0))
print(sys.getsizeof(True + True), sys.getsizeof(2 ** 64 - 1), sys.getsizeof(2 ** 64))
