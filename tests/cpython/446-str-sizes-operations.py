# Sizes of strings from concatenation, slicing and repetition across kinds.
import sys
a = "ab" * 10
e = "é" * 3
z = "ж" * 3
x = "😀"
print(sys.getsizeof(a), sys.getsizeof(a[:5]), sys.getsizeof(a[5:6]), sys.getsizeof(a[3:3]))
print(sys.getsizeof(a + e), sys.getsizeof(e + z), sys.getsizeof(z + x), sys.getsizeof(a + x))
print(sys.getsizeof((a + e)[:4]), sys.getsizeof((e + z)[:3]), sys.getsizeof((z + x)[:3]))
print(sys.getsizeof(e * 10), sys.getsizeof(str(12345)), sys.getsizeof(repr("q")))
print(sys.getsizeof(a.upper()), sys.getsizeof(e.upper()), sys.getsizeof("%s-%s" % (a, e)))
