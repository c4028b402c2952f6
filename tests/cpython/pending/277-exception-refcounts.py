# References to an exception object while it is being handled.
import sys
err = ValueError("x")
print(sys.getrefcount(err))
try:
    raise err
except ValueError as e:
    print(e is err, sys.getrefcount(err))
print(sys.getrefcount(err))
print(err.__traceback__ is not None)
err.__traceback__ = None
print(sys.getrefcount(err))
