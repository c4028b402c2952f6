# bytearray is a mutable bytes: append, extend, item assignment, growth.
import sys
ba = bytearray()
print(sys.getsizeof(ba))
for i in range(5):
    ba.append(65 + i)
    print(len(ba), sys.getsizeof(ba))
ba.extend(b"xyz")
ba[0] = 97
ba[1:3] = b"--"
print(ba, bytes(ba), ba.pop(), ba.find(b"x"))
ba.reverse()
print(ba, bytearray(b"ab") + b"cd", bytearray(3))
del ba[:4]
print(ba, sys.getsizeof(ba))
try:
    ba[0] = 300
except ValueError as e:
    print(e)
