# Set algebra: operators, methods with several arguments, in-place forms.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})))
print(sorted(a.symmetric_difference([1, 7])))
print({1, 2} <= a, {1, 2} < a, a >= a, a > a, a.issubset(range(10)), a.issuperset([1]))
print(a.isdisjoint({8}), a.isdisjoint(b))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
c ^= {1, 11}
print(sorted(c))
c.update([20], (21,))
c.intersection_update(range(21))
print(sorted(c))
