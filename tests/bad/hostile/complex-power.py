# a negative number to a fractional power is complex in CPython: refused, not nan
x = -8
print(x ** 0.5)
