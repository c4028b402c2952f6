# array growth by append and extend: new = n + (n >> 4) + (3 if n < 8 else 7) items
import sys
from array import array
for code in ['i', 'd', 'b']:
    a = array(code)
    changes = []
    prev = 0
    for i in range(100):
        s = sys.getsizeof(a)
        if s != prev:
            changes.append((i, s))
            prev = s
        a.append(i)
    print(code, changes)
e = array('i')
e.extend([1, 2, 3])
print(sys.getsizeof(e))
e.extend(range(100))
print(sys.getsizeof(e), len(e))
