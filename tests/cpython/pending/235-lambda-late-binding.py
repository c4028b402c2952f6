# Closures bind names, not values: the loop variable is read when called.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make(n):
    return lambda: n
hs = [make(i) for i in range(3)]
print([h() for h in hs])
acc = []
for j in range(3):
    acc.append(lambda: j)
j = 99
print([a() for a in acc])
