# An error inside a handler carries the handled one as __context__.
def cleanup():
    raise OSError("disk gone")

try:
    try:
        int("x")
    except ValueError:
        cleanup()
except OSError as e:
    print(repr(e))
    print(repr(e.__context__))
    print(e.__cause__)
