# a float power too large for a float: OverflowError, not inf
print(2.0 ** 1023, 10 ** 300.0, float("inf") ** 2)
print(1e308 ** 2)
