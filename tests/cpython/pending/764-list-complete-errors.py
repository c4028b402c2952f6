# The exceptions raised in 464-list-complete (more of list: comparisons, index with start and stop, sort with key and reverse), caught and printed.
a = [1, 2, 3]
xs = [5, 1, 5, 2, 5]
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len, reverse=True)
b = a
b += [4]
c = a
c = c + [5]
try:
    xs.index(5, 3, 4)
except ValueError as e:
    print(e)
