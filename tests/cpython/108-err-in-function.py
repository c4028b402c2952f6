# an exception raised deep inside nested calls, after output from each level
def inner(d):
    print('inner')
    return d['k']
def outer():
    print('outer')
    return inner({})
print('start')
outer()
