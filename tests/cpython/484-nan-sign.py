# a NaN with its sign bit set prints as nan in every format
x = float("inf") - float("inf")
y = -x
print(x, y, repr(x), str(y), [x, y])
print(f"{x:.2f} {y:g} {x:10.1f}| {y:e} {x:+} {y:%}")
print("%f %g %e %r" % (x, y, x, y))
