# AttributeError: a missing method on a builtin type
lst = [3, 1]
lst.append(2)
print(lst)
lst.push(4)
