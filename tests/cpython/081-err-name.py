# NameError for an unknown name, after partial output
x = 1
print('x is', x)
print(y)
print('not reached')
