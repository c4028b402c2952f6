# bytes: indexing gives ints, slicing gives bytes; sizes.
import sys
b = b"hello"
print(b[0], b[-1], b[1:3], list(b[:2]))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), b"ab" + b"cd", b"x" * 3)
print(len(b), sys.getsizeof(b), sys.getsizeof(b""), sys.getsizeof(bytes(100)))
print(b.hex(), bytes.fromhex("ff00"), b.upper(), b"A" in b, 104 in b)
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode())
try:
    bytes([256])
except ValueError as e:
    print(e)
