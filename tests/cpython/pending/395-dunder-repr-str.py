# __repr__ and __str__: print uses str, containers use repr.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(" + str(self.cents) + ")"
    def __str__(self):
        return "$" + str(self.cents / 100)
m = Money(250)
print(m)
print(repr(m), str(m), [m], (m,), {"k": m})
print(f"{m} {m!r}")
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()))
