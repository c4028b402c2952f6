# Recursion with keyword arguments and defaults.
def fact(n, *, acc=1):
    if n <= 1:
        return acc
    return fact(n - 1, acc=acc * n)

print(fact(5), fact(20))
def flatten(xs, out=None):
    if out is None:
        out = []
    for x in xs:
        if isinstance(x, list):
            flatten(x, out)
        else:
            out.append(x)
    return out
print(flatten([1, [2, [3, [4]], 5]]))
print(flatten([]))
