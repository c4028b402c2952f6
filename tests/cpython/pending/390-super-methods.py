# Overriding a method and calling the parent's version with super().
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def describe(self):
        return self.owner + ": " + str(self.balance)
class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def describe(self):
        return super().describe() + " at " + str(self.rate)
s = Savings("ann", 100)
print(s.describe())
print(Account.describe(s))
print(isinstance(s, Account), type(s).__name__, s.__class__.__bases__[0].__name__)
