s = "ab"
while True:
    s = f"{s}{s}{s}"
