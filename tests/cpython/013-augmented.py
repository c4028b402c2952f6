# augmented assignment: += -= *= on ints, strings, lists (in place), tuples (new object)
n = 10
n += 5
n -= 3
n *= 2
print(n)
s = 'ab'
s += 'cd'
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {'k': 1}
d['k'] += 41
print(d)
class C:
    pass
c = C()
c.count = 0
c.count += 1
c.count += 1
print(c.count)
m = [[1], [2]]
m[0] += [9]
m[1] *= 3
print(m)
f = 1.5
f *= 2
print(f)
