# for loops over lists, ranges, strings, dicts, tuples, enumerate, zip; break/continue
for x in [3, 1, 2]:
    print(x, end=' ')
print()
for i in range(2, 12, 3):
    print(i, end=',')
print()
for i in range(5, 0, -2):
    print(i, end=' ')
print()
for ch in 'abc':
    print(ch, end='')
print()
d = {'one': 1, 'two': 2, 'three': 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, '=', v)
for i, v in enumerate(['a', 'b']):
    print(i, v)
for a, b in zip([1, 2, 3], (4, 5)):
    print(a * b)
for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print('i', i)
print('after', i)
for row in [[1, 2], [3, 4]]:
    for cell in row:
        print(cell, end=' ')
print()
