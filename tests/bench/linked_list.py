# 300,000 instances in a linked list, then walked (issue 14's workload)
class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next


head = None
for i in range(300000):
    head = Node(i, head)
total = 0
n = head
while n is not None:
    total += n.value
    n = n.next
print(total)
