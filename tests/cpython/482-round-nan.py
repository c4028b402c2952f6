# round() of a NaN raises ValueError
x = float("nan")
print(round(x, 2))
print(round(x))
