# id() reuse when the freed and the new big int need different block sizes.
base = 7
a = base ** 30
i = id(a)
del a
b = base ** 60
print(id(b) == i)
c = base ** 12
j = id(c)
del c
d = base ** 13
print(id(d) == j)
e = base ** 100
k = id(e)
e = e * base
print(id(e) == k)
x = base ** 25
m = id(x)
x += 1
print(id(x) == m)
ids = []
for n in range(3):
    v = base ** 40 + n
    ids.append(id(v))
print(ids[0] == ids[1], ids[1] == ids[2])
lst = [base ** 20, base ** 21]
old = id(lst[0])
lst[0] = base ** 22
print(id(lst[0]) == old)
