# A decorator replaces a function by what it returns.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    wrapper.__name__ = func.__name__
    return wrapper

@shout
def greet(name):
    return "hello " + name

print(greet("ada"))
print(greet.__name__)
def plain(name):
    return "hi " + name
loud = shout(plain)
print(loud("bob"), plain("bob"))
