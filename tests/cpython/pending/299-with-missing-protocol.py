# An object without __enter__/__exit__ cannot be used in with.
class NoExit:
    def __enter__(self):
        return self

try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
with [1, 2]:
    pass
