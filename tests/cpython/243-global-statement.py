# global rebinds a module-level name from inside a function.
counter = 0
def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def create():
    global created
    created = "yes"
create()
print(created)
