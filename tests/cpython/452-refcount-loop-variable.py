# References during iteration: the loop variable and the iterator.
import sys
items = [[1], [2]]
first = items[0]
print(sys.getrefcount(first))
for it in items:
    pass
print(sys.getrefcount(first), sys.getrefcount(items[1]))
for it in items:
    print(sys.getrefcount(items))
    break
del it
print(sys.getrefcount(items[1]))
pairs = [(first, first)]
print(sys.getrefcount(first))
