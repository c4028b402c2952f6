# A bare raise re-raises the exception being handled.
def careful():
    try:
        {}["x"]
    except KeyError:
        print("logging and re-raising")
        raise

try:
    careful()
except KeyError as e:
    print("outer got", repr(e))
try:
    raise
except RuntimeError as e:
    print(e)
