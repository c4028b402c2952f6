# The exceptions raised in 468-float-behaviour (float repr, rounding, inf and nan, float // and %), caught and printed.
try:
    int(float("nan"))
except ValueError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
