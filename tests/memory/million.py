start = 0
big = [i * 1000 for i in range(1000000)]
keep = big[::100]
del big
del keep
