# The exceptions raised in 339-float-methods (methods of float), caught and printed.
x = 2.5
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(e)
