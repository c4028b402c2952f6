# dict() from keywords, pairs, another dict, and zip.
import sys
print(dict(a=1, b=2))
print(dict([("a", 1), ("b", 2)], c=3))
print(dict({"x": 1}, y=2))
print(dict(zip("abc", range(3))))
print(dict())
d = dict(a=1)
print(len(d), sys.getsizeof(d))
d2 = dict(a=1, b=2, c=3, d=4, e=5, f=6)
print(len(d2), sys.getsizeof(d2))
