# Binding errors of simple functions, caught and printed without lambda.
def one(x):
    return x
def two(x, y):
    return x + y
def kw(*, flag):
    return flag

try:
    one()
except TypeError as e:
    print(e)
try:
    one(1, 2)
except TypeError as e:
    print(e)
try:
    two(1)
except TypeError as e:
    print(e)
try:
    two(1, x=2)
except TypeError as e:
    print(e)
try:
    kw(True)
except TypeError as e:
    print(e)
try:
    one(z=1)
except TypeError as e:
    print(e)
