# bytearray from lists and strings, counting, joining; sizes of big buffers.
import sys
ba = bytearray([1, 2, 3, 2])
print(ba, ba.count(2), ba.index(3), bytes(ba) == b"\x01\x02\x03\x02")
print(bytearray("hé", "utf-8"), bytearray(b"ab") * 2, b"," .join([b"a", bytes(ba[:1])]))
print(sys.getsizeof(bytearray(1000)), sys.getsizeof(bytes(1000)), sys.getsizeof(bytearray(b"x" * 10)))
big = bytearray(16)
big[3] = 255
print(big.hex(), big.rstrip(b"\x00"), len(big))
print(list(b"AZ"), b"%d-%s" % (5, b"x"), bytes.fromhex("41 42"))
