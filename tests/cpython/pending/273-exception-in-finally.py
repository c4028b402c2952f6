# An exception in finally replaces the one in flight; the first is its context.
try:
    try:
        raise KeyError("first")
    finally:
        print("finally runs")
        raise ValueError("second")
except Exception as e:
    print(repr(e), repr(e.__context__))
def f():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
f()
