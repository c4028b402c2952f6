# id() reuse after freeing big ints of different sizes.
a = 10 ** 20
i = id(a)
del a
b = 10 ** 20 + 7
print(id(b) == i)
c = 10 ** 40
j = id(c)
del c
d = 10 ** 20 * 3
print(id(d) == j)
e = 12345678901234567890
k = id(e)
e = e + 1
print(id(e) == k)
f = 2.5 * 3
m = id(f)
del f
g = 1.5 * 3
print(id(g) == m)
