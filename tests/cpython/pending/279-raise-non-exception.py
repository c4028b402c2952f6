# Only BaseException subclasses and instances can be raised.
for thing in [1, "text", None]:
    try:
        raise thing
    except TypeError as e:
        print(e)
try:
    raise ValueError
except ValueError as e:
    print("class raised, instance caught:", type(e).__name__, e.args)
class NotAnError:
    pass
raise NotAnError()
