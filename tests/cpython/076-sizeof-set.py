# set sizes: empty 216, growth by add, set(range(n)), literals, clear
import sys
s = set()
changes = []
prev = 0
for i in range(200):
    size = sys.getsizeof(s)
    if size != prev:
        changes.append((i, size))
        prev = size
    s.add(i)
print(changes)
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(set(range(5))), sys.getsizeof(set(range(100))))
s.clear()
print(sys.getsizeof(s))
t = set(range(10))
for i in range(10):
    t.discard(i)
print(len(t), sys.getsizeof(t))
