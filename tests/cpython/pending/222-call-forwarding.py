# A wrapper forwards *args and **kwargs unchanged to the wrapped function.
def target(a, b=2, *rest, c=3, **extra):
    return a, b, rest, c, extra

def wrapper(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
    return target(*args, **kwargs)

print(wrapper(1))
print(wrapper(1, 5, 6, 7, c=0))
print(wrapper(a=9, z=1))
