# A function object carries its name, defaults and keyword-only defaults.
def greet(name, greeting="hi", *, punct="!"):
    """Say hello."""
    return greeting + " " + name + punct

print(greet.__name__)
print(greet.__doc__)
print(greet.__defaults__)
print(greet.__kwdefaults__)
print(greet.__code__.co_argcount, greet.__code__.co_kwonlyargcount)
print(greet.__code__.co_varnames)
greet.calls = 0
greet.calls += 1
print(greet.calls)
