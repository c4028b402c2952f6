# The exceptions raised in 212-min-max-key-default (min() and max() with key= and default=, and their errors), caught and printed.
nums = [3, -7, 2, -1, 5]
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
