# Returning several values returns one tuple; unpacking takes it apart.
import sys
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)

r = stats([4, 8, 15, 16, 23, 42])
print(r, type(r).__name__)
lo, hi, mean = stats([1, 2, 3])
print(lo, hi, mean)
big = [0] * 3
def pair():
    return big, big
p = pair()
print(sys.getrefcount(big))
del p
print(sys.getrefcount(big))
