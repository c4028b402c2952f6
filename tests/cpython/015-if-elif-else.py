# if / elif / else, truthiness of values
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for v in [-5, 0, 3, 42]:
    print(v, classify(v))
for thing in [0, 1, '', 'a', [], [0], {}, None, 0.0]:
    if thing:
        print('truthy', thing)
    else:
        print('falsy', thing)
x = 5
if x > 3 and x < 10:
    print('between')
if not x == 4:
    pass
if x:
    if x > 4:
        print('nested')
