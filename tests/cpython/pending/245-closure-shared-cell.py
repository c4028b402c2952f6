# Two closures from one call share the same cell.
def account():
    balance = 0
    def deposit(n):
        nonlocal balance
        balance += n
    def read():
        return balance
    return deposit, read

dep, read = account()
dep(10)
dep(5)
print(read())
print(dep.__closure__[0] is read.__closure__[0])
dep2, read2 = account()
print(read2(), dep.__closure__[0] is dep2.__closure__[0])
