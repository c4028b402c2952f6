# After the handler, the name bound by `except ... as e` is deleted.
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("in handler:", e)
try:
    print(e)
except NameError as err:
    print(err)
saved = None
try:
    1 / 0
except ZeroDivisionError as e:
    saved = e
print(type(saved).__name__, saved)
