# Which equal strings are the same object: constants, runtime strings, interning.
import sys
a = "hello"
b = "hello"
print(a is b)
c = "hello world"
d = "hello world"
print(c is d)
e = "".join(["hel", "lo"])
print(e == a, e is a, sys.intern(e) is a)
f = "hel" + "lo"
print(f is a)
g = "x" * 3
h = "xxx"
print(g is h)
one = "a"
abc = "abc"
print(chr(97) is abc[0], abc[0] is one)
