# The builtin exception hierarchy as issubclass sees it.
pairs = [
    (ZeroDivisionError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (FileNotFoundError, OSError),
    (StopIteration, Exception),
    (KeyboardInterrupt, Exception),
    (GeneratorExit, BaseException),
    (Exception, BaseException),
    (TypeError, ValueError),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print([c.__name__ for c in ZeroDivisionError.__mro__])
