# TypeError: ordering comparison between int and str
print(1 < 2)
print(sorted([3, 1, 2]))
print(1 < 'a')
