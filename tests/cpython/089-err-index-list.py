# IndexError: list index out of range
lst = [10, 20, 30]
print(lst[2], lst[-3])
print(lst[3])
