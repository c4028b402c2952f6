# By default instances hash by identity and compare by identity.
class C:
    pass
a = C()
b = C()
print(a == a, a == b, a != b)
print(hash(a) == hash(a), hash(a) == hash(b))
s = {a, b, a}
print(len(s))
d = {a: 1}
print(d[a], b in d)
