x = [None] * 10**6
