# A return inside an except block still runs finally first.
def f(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        return "inf"
    finally:
        print("finally for", x)

print(f(4))
print(f(0))
def g():
    try:
        pass
    except Exception:
        pass
    else:
        return "else"
print(g())
