# int literals: underscores, negatives, big ints up to ~2**100, and their arithmetic
a = 1_000_000
b = -42
c = 2**64
d = 2**100
print(a, b, c, d)
print(a + 1, b * 2, c - 1, d + 1)
print(12_345_678_901_234_567_890)
print(c * c)
print(d // 3, d % 7)
print(-d)
print(0, -0, +7)
print(2**30, 2**31 - 1, 2**63, -(2**63))
print(10**20, 10**30 // 10**10)
print(type(d), d > c, c == 18446744073709551616)
