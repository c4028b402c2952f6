# Each call of the factory captures its own value; a loop does not.
def makers():
    out = []
    for i in range(3):
        def show():
            return i
        out.append(show)
    return out

print([f() for f in makers()])
def makers_fixed():
    def make(i):
        def show():
            return i
        return show
    return [make(i) for i in range(3)]
print([f() for f in makers_fixed()])
