# is / is not / in / not in, small int sharing computed at run time
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
n = 200
x = n + 56
y = 255 + n - 199
print(x == y, x is y)
m = 1000
p = m + 1
q = m + 1
print(p == q, p is q)
print(2 in a, 3 in a, 3 not in a)
d = {'k': 1, 'j': 2}
print('k' in d, 1 in d, 'z' not in d)
s = {1, 2, 3}
print(2 in s, 9 in s)
print((1, 2) in [(1, 2)], [1] in [[1]], 'ell' in 'hello')
print(None in [0, False], 0 in [False], a in [c])
e = None
print(e is None, type(e) is type(None))
