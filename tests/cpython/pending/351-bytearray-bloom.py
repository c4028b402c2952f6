# A tiny Bloom filter in a bytearray, hashing ints (deterministic hashes).
import sys
SIZE = 64
bits = bytearray(SIZE // 8)

def positions(n):
    return [(n * 31 + k * 17) % SIZE for k in range(3)]

def add(n):
    for p in positions(n):
        bits[p // 8] |= 1 << (p % 8)

def maybe(n):
    return all(bits[p // 8] & (1 << (p % 8)) for p in positions(n))

for n in [3, 14, 15, 92]:
    add(n)
print([maybe(n) for n in [3, 14, 15, 92]])
print([n for n in range(200) if maybe(n)])
print(bits.hex(), len(bits), sys.getsizeof(bits))
print(sys.getsizeof(set([3, 14, 15, 92])))
