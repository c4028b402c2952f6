a = [1, 2]
old = id(a)
del a
b = [3, 4]
print("list", id(b) == old)
d = {"k": 1}
old = id(d)
del d
e = {"j": 2}
print("dict", id(e) == old)
x = float("1.5")
old = id(x)
del x
y = float("2.5")
print("float", id(y) == old)
p = []
q = []
ip = id(p)
iq = id(q)
del p
del q
r = []
s = []
print("lifo", id(r) == iq, id(s) == ip)
keep = [1, 2]
k = id(keep)
other = [5, 6]
print("live", id(other) == k)
