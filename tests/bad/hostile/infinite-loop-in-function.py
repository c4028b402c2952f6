def spin():
    n = 0
    while True:
        n = [n]

spin()
