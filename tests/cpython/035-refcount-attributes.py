# attributes hold references: set, rebind, delete; instances stored in attributes
import sys
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
payload = [1, 2]
n = Node(payload)
print(sys.getrefcount(payload))
m = Node(payload)
print(sys.getrefcount(payload))
n.next = m
print(sys.getrefcount(m), sys.getrefcount(n))
n.value = None
print(sys.getrefcount(payload))
del m.value
print(sys.getrefcount(payload))
m.next = n
print(sys.getrefcount(n))
m.next = m
print(sys.getrefcount(n), sys.getrefcount(m))
n.alias1 = payload
n.alias2 = payload
print(sys.getrefcount(payload))
del n
print(sys.getrefcount(m))
