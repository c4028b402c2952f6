# None, True, False: printing, arithmetic on bools, and/or return an operand, not
print(None, True, False)
print(True + True, True * 3, False - 1)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'x')
print([] or [1], [0] and 'yes', '' or 'empty')
print(not 0, not 1, not [], not None, not 'a')
print(True == 1, False == 0, True is True, None is None)
print([None, True, False], (None,))
x = None
print(x is None, x is not None, x == None)
