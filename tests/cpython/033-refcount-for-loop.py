# during a for loop the list iterator holds a reference to the list, the loop name to the item
import sys
items = [[1], [2], [3]]
print('before', sys.getrefcount(items))
for it in items:
    print('in loop', sys.getrefcount(items), sys.getrefcount(it))
print('after', sys.getrefcount(items), sys.getrefcount(it))
del it
print(sys.getrefcount(items[2]))
t = ([4],)
for e in t:
    print('tuple loop', sys.getrefcount(t), sys.getrefcount(e))
for i, v in enumerate(items):
    print('enumerate', sys.getrefcount(items), sys.getrefcount(v))
    break
d = {'k': [5]}
for k in d:
    print('dict loop', sys.getrefcount(d), sys.getrefcount(d[k]))
