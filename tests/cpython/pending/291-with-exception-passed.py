# __exit__ receives the exception raised in the block.
class Watch:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit got", exc_type.__name__, repr(exc), tb is not None)
        return False

try:
    with Watch():
        raise KeyError("inside")
except KeyError as e:
    print("propagated", repr(e))
