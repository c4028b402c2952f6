# big products and powers (Karatsuba sizes, lopsided, squares): residues, top bits, sizes
import sys
x = 10**61 + 7
y = x ** 5555
print(y % 1000000007, y % (2**61 - 1), y >> 1125600, sys.getsizeof(y))
print(((-x) ** 555) % 1000003, (-x) ** 555 < 0, (-x) ** 556 > 0)
a = 3 ** 20000
b = 7 ** 15000
c = a * b
print(c % 998244353, c >> 73760, sys.getsizeof(c))
print(a * b == b * a, c // b == a, c % a, c % b)
d = a * a
print(d == a ** 2, d % 1000003, d >> 63300, sys.getsizeof(d))
n = -a
print((n * b) % 65537, (n * n) % 65537, n * b < 0, n * n > 0, n * 0, 0 * n)
s = 5 ** 600
e = s * a
print(e % 1000000007, e // a == s, e % s, sys.getsizeof(e))
u = 11 ** 900
v = 13 ** 1700
print((u * v) % 1000000009, (u * v) // v == u, sys.getsizeof(u * v))
m = 2 ** 3000 - 1
print((m * m) % 1000000009, (m * m) >> 5990, m * (m + 2) == (m + 1) ** 2 - 1)
t = 1
for i in range(20):
    t = t * (a + i)
print(t % 1000000007, t >> 633900, sys.getsizeof(t))
f = (2 ** 89 - 1) ** 1000 * (2 ** 107 - 1) ** 700
print(f % 4294967291, f >> 163850, sys.getsizeof(f))
