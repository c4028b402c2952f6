# raise ... from sets __cause__; an exception raised in a handler gets __context__.
class ConfigError(Exception):
    pass

def load(d):
    try:
        return d["port"]
    except KeyError as e:
        raise ConfigError("missing port") from e

try:
    load({})
except ConfigError as e:
    print(repr(e))
    print(repr(e.__cause__), repr(e.__context__))
    print(e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
