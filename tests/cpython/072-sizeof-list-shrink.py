# lists shrink on pop only when under half full; clear() frees the item array; del x[i] too
import sys
lst = list(range(100))
print(sys.getsizeof(lst))
sizes = []
while lst:
    lst.pop()
    sizes.append(sys.getsizeof(lst))
print(sizes)
lst = [i for i in range(50)]
lst.clear()
print(sys.getsizeof(lst))
lst = [0] * 20
del lst[0]
print(sys.getsizeof(lst))
for i in range(12):
    del lst[0]
print(len(lst), sys.getsizeof(lst))
lst.remove(0)
print(len(lst), sys.getsizeof(lst))
