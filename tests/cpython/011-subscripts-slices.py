# subscripts and slices: negative indices, steps, out-of-range slices
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[0], a[-1], a[-10], a[3])
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[20:], a[-20:2], a[::-3])
print(a[:], a[:] == a, a[:] is a)
t = (10, 20, 30, 40)
print(t[1], t[-2], t[1:3], t[::-1])
s = 'memtutor'
print(s[0], s[-1], s[3:6], s[::-1], s[1:7:2])
d = {'a': [1, 2, 3], 2: 'two'}
print(d['a'][1], d[2][0], d['a'][-2:])
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
r = range(10)
print(r[3], r[-1], list(r[2:8:3]))
