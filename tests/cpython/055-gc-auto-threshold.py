# automatic collection: with threshold0 = 5 the collector runs inside the allocation that makes the gen0 count exceed 5
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print('  del', self.name)
gc.collect()
gc.set_threshold(5)
for i in range(6):
    a = Node('a' + str(i))
    b = Node('b' + str(i))
    a.other = b
    b.other = a
    print('made pair', i)
    del a, b
print('end of loop')
print(gc.collect())
print('done')
