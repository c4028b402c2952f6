# A decorator factory: @repeat(3) calls repeat(3) first.
def repeat(times):
    def decorate(func):
        def wrapper(x):
            return [func(x) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def double(x):
    return x * 2

print(double(4))
@repeat(times=2)
def ident(x):
    return x
print(ident("a"))
