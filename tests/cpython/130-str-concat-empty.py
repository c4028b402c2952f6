# str + str: with the empty string, CPython gives back the other operand
# itself (PyUnicode_Concat), so no new object and one more reference.
import sys
s = "abc"
s = s * 3
t = s + ""
print(t is s, sys.getrefcount(s))
u = "" + s
print(u is s, sys.getrefcount(s))
v = s + s
print(v is s, len(v), sys.getsizeof(v))
w = "é" + s
print(len(w), sys.getsizeof(w), sys.getsizeof(s + "é"))
del t, u
print(sys.getrefcount(s))
