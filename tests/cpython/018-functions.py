# def with defaults, return, implicit None, recursion, mutable default shared across calls
def add(a, b=10):
    return a + b
print(add(1), add(1, 2))
def nothing():
    pass
print(nothing())
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(5), fact(25))
def acc(x, into=[]):
    into.append(x)
    return into
print(acc(1), acc(2), acc(3, []))
print(acc(4))
def pair(a, b):
    return a, b
x, y = pair('p', 'q')
print(x, y, pair(1, 2))
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(early(10), early(2))
def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a
print(fib(10), fib(100))
f = fib
print(f(20), type(f) is type(add))
