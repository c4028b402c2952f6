# An uncaught user exception: its qualified name and message end the traceback.
class BudgetExceeded(Exception):
    def __init__(self, spent, limit):
        super().__init__(spent, limit)
        self.spent = spent
    def __str__(self):
        return "spent " + str(self.spent)

print(str(BudgetExceeded(5, 3)))
raise BudgetExceeded(12, 10)
