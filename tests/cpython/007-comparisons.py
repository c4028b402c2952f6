# comparisons: chained, mixed int/float, sequences, strings
a = 3
print(1 < a < 5, 1 < a > 5, 1 < 2 < 3 < 4, 3 > 2 > 2)
print(a == 3.0, a != 3, 2 <= a <= 3, 5 >= a >= 4)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') == (1, 'a'), (2,) > (1, 9))
print('apple' < 'banana', 'Zebra' < 'apple', 'a' == 'a')
print([1, [2]] == [1, [2]], {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(1 == 1.0 == True, 0 == False, None == 0)
x = 0
print(x < 1 == 1, (x < 1) == 1, 0 < x or x < 1)
z = None
w = 1
print(1 < 2 != 3, w == 1 is not z, z is None)
