# global statement, reading globals from functions, locals shadowing globals
counter = 0
items = []
def bump():
    global counter
    counter += 1
def shadow():
    counter = 100
    return counter
def read():
    return counter * 2
def push(x):
    items.append(x)
bump()
bump()
print(counter, shadow(), counter, read())
push(1)
push(2)
print(items)
def make():
    global created
    created = 'yes'
make()
print(created)
