# Chained generators: each item flows through the whole pipeline at once.
def numbers(n):
    for i in range(n):
        print("produce", i)
        yield i

def squares(xs):
    for x in xs:
        yield x * x

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

for v in evens(squares(numbers(5))):
    print("got", v)
