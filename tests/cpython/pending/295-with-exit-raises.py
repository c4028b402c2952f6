# An exception raised in __exit__ replaces the one from the block.
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise ValueError("from exit")

try:
    with Bad():
        raise KeyError("from body")
except ValueError as e:
    print(repr(e), repr(e.__context__))
with Bad():
    pass
