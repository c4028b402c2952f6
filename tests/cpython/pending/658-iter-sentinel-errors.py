# The exceptions of 358-iter-sentinel: iter() of a non-iterable, and of a non-callable with a sentinel.
for args in [(5,), (None,), (5, 0)]:
    try:
        iter(*args)
    except TypeError as e:
        print(e)
