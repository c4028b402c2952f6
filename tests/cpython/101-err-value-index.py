# ValueError: list.index of a missing value
lst = ['a', 'b']
print(lst.index('b'))
print(lst.index('c'))
