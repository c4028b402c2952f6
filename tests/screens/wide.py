# Three unreachable groups of different make-up beside a reachable list:
# in a wide pane each is a tile of its own, side by side.
import gc


class Node:
    pass


class Leaf:
    pass


def pair():
    a = Node()
    b = Node()
    a.other = b
    b.other = a


def ring():
    x = []
    x.append(x)


def trio():
    p = Leaf()
    q = Leaf()
    r = Leaf()
    p.next = q
    q.next = r
    r.next = p


gc.disable()
keep = [1, 2, 3]
pair()
ring()
trio()
print(len(keep))
