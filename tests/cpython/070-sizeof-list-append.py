# list growth by append: capacity 0, 4, 8, 16, 24, 32, 40, 52, ...; size printed after 0..40 appends
import sys
lst = []
sizes = []
for i in range(41):
    sizes.append(sys.getsizeof(lst))
    lst.append(i)
print(sizes)
changes = []
prev = 0
big = []
for i in range(1000):
    s = sys.getsizeof(big)
    if s != prev:
        changes.append((i, s))
        prev = s
    big.append(None)
print(changes)
