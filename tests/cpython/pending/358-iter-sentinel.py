# iter(callable, sentinel) calls until the sentinel comes back.
state = [0]
def tick():
    state[0] += 1
    return state[0]

print(list(iter(tick, 5)))
lines = ["a", "b", "", "c"]
pos = [0]
def read():
    s = lines[pos[0]]
    pos[0] += 1
    return s
print(list(iter(read, "")))
