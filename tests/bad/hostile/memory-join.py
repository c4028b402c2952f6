s = "x" * 1000000
parts = [s] * 1000
while True:
    s = "".join(parts)
    parts = [s] * 1000
