# Common bytes methods mirror the str ones.
b = b"key=value; other=thing"
print(b.split(b"; "), b.split(b"=", 1), b.partition(b"="))
print(b.replace(b"=", b":"), b.startswith(b"key"), b.count(b"e"))
print(b"-".join([b"a", b"b"]), b"  x ".strip(), b"abc".find(b"c"))
print(b"Hello".lower(), b"hello".title(), b"123".isdigit())
print(bytes(reversed(b"abc")), b"\x00\x01".hex(" "))
try:
    b"a" + "b"
except TypeError as e:
    print(e)
