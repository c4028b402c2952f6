# error messages name the iterator's type as CPython does
for o in (iter({}.items()), {}.keys(), enumerate([]), reversed((1,))):
    try_len = 0
print(type(o))
len(iter([1, 2]))
