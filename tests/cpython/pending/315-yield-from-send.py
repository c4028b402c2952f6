# send() and the return value pass through yield from.
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            return received
        received.append(v)

def delegator():
    result = yield from echo()
    yield "echo returned " + str(result)

d = delegator()
print(next(d))
print(d.send("a"))
print(d.send("b"))
print(d.send(None))
