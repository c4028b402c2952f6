# assignment: chains, tuple unpacking, swaps, subscript and attribute targets
a = b = c = [1]
print(a is b, b is c)
a = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
p, q, r = [10, 20, 30]
print(p, q, r)
(m, n), o = (1, 2), 3
print(m, n, o)
first, second = 'ab'
print(first, second)
lst = [0, 0, 0]
lst[0] = 'zero'
lst[-1] = lst
print(len(lst), lst[0], lst[2] is lst)
d = {}
d['k'] = d['j'] = 7
print(d)
class Box:
    pass
box = Box()
box.v = box.w = [1]
print(box.v, box.v is box.w)
i, lst[i] = 1, 'one'
print(lst[1])
