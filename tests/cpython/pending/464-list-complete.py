# More of list: comparisons, index with start and stop, sort with key and reverse.
a = [1, 2, 3]
print(a == [1, 2, 3], a < [1, 2, 4], a < [1, 2], [1, [2]] == [1, [2]], [] < [0])
xs = [5, 1, 5, 2, 5]
print(xs.index(5), xs.index(5, 1), xs.index(5, 1, 3), xs.count(5))
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len, reverse=True)
print(words)
print([0] * 0, [[]] * 2, a * 2, 2 in a, 4 not in a)
b = a
b += [4]
print(a, a is b)
c = a
c = c + [5]
print(a, c, a is c)
