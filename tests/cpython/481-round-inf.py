# round() of an infinite float raises OverflowError
x = float("inf")
print(round(x, 2))
print(round(x))
