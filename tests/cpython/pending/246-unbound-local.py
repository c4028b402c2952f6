# Assigning a name anywhere in a function makes it local everywhere in it.
total = 10
def bad():
    print(total)
    total = 0

try:
    bad()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
bad()
