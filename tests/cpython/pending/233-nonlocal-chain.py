# nonlocal reaches the nearest enclosing function that binds the name.
def a():
    x = "a"
    def b():
        def c():
            nonlocal x
            x = "c"
        c()
        return x
    r = b()
    return r, x

print(a())
def tally():
    total = 0
    hits = 0
    def add(n):
        nonlocal total, hits
        total += n
        hits += 1
        return total, hits
    return add
t = tally()
t(5)
print(t(7))
