# A list shrinks its allocation when it loses many items.
import sys
xs = list(range(100))
print(sys.getsizeof(xs))
for i in range(60):
    xs.pop()
print(len(xs), sys.getsizeof(xs))
for i in range(30):
    xs.pop()
print(len(xs), sys.getsizeof(xs))
del xs[2:]
print(len(xs), sys.getsizeof(xs))
ys = list(range(50))
ys[5:] = []
print(len(ys), sys.getsizeof(ys))
zs = list(range(20))
zs.remove(3)
zs.clear()
print(sys.getsizeof(zs))
