# freeing a 100,000-deep chain of nested lists and of linked instances must not overflow (CPython's trashcan)
import gc
x = []
for i in range(100000):
    x = [x]
print('built lists')
del x
print('freed lists')
class Link:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
for i in range(100000):
    head = Link(head)
print('built links')
head = None
print('freed links')
d = {}
for i in range(100000):
    d = {'d': d}
d = 0
print('freed dicts', gc.collect())
