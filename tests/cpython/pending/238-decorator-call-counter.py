# A decorator that counts calls in a closure cell.
def counted(func):
    calls = 0
    def wrapper(n):
        nonlocal calls
        calls += 1
        return func(n)
    def get():
        return calls
    wrapper.count = get
    return wrapper

@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(10))
print(fib.count())
print(fib(5), fib.count())
