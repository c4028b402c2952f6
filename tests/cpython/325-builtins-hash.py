# hash() of numbers and tuples is deterministic (unlike str hashes).
print(hash(1), hash(-1), hash(-2), hash(0))
print(hash(1.0) == hash(1), hash(True), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(0.5), hash(-0.0))
print(hash((1, 2)), hash(()), hash((1, (2, 3))))
print(hash(None) == hash(None))
