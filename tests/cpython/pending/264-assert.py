# assert raises AssertionError, with the message when one is given.
def check(n):
    assert n >= 0, "negative: " + str(n)
    assert n != 3
    return n

print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("caught", e.args)
try:
    check(3)
except AssertionError as e:
    print("caught", e.args)
check(-2)
