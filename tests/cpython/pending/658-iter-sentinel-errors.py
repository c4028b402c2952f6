# The exceptions raised in 358-iter-sentinel (iter(callable, sentinel) calls until the sentinel comes back), caught and printed.
state = [0]
def tick():
    state[0] += 1
    return state[0]

lines = ["a", "b", "", "c"]
pos = [0]
def read():
    s = lines[pos[0]]
    pos[0] += 1
    return s
try:
    iter(5)
except TypeError as e:
    print(e)
