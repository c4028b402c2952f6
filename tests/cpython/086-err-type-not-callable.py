# TypeError: calling something that is not callable
lst = [1, 2]
print(lst)
lst()
