# The TypeErrors builtins give for wrong arguments.
try:
    print(1, foo=2)
except TypeError as e:
    print(e)
try:
    sorted([3, 1], [2])
except TypeError as e:
    print(e)
try:
    len([1], [2])
except TypeError as e:
    print(e)
try:
    abs()
except TypeError as e:
    print(e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print(e)
try:
    int("1", 2, 3)
except TypeError as e:
    print(e)
