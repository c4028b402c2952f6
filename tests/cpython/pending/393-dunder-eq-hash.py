# __eq__ and __hash__: defining __eq__ alone makes instances unhashable.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)
class H(P):
    def __hash__(self):
        return hash((self.x, self.y))
print(P(1, 2) == P(1, 2), P(1, 2) != P(2, 1), P(1, 2) == (1, 2))
print(P.__hash__)
s = {H(1, 2), H(1, 2), H(3, 4)}
print(len(s), H(1, 2) in s, hash(H(1, 2)) == hash((1, 2)))
