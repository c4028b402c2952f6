# A user exception class over the builtin hierarchy, with its own attributes.
class AppError(Exception):
    pass

class NotFound(AppError, LookupError):
    def __init__(self, key):
        super().__init__("not found: " + key)
        self.key = key

try:
    raise NotFound("user42")
except LookupError as e:
    print(type(e).__name__, e, e.key, e.args)
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception))
print([c.__name__ for c in NotFound.__mro__])
try:
    raise AppError
except AppError as e:
    print(repr(e))
