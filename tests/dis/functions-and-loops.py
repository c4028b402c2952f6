def g(a, b):
    if a:
        return 1
    elif b:
        x = 2
    else:
        return 3
    return x
def h(o, k):
    o.n += 1
    o[k] -= 2
    o[1:2] = k
    del o[k], o.n
    a = b = k
    x = not k
    y = -k
    z = a if b else k
    while True:
        if a is None: break
        if not a: continue
        a = a in o
    for i in o:
        if i: break
    else:
        pass
    print(len(o), x, end="")
    return [[j for j in i] for i in o if i if not i], {x: 1 for x in o}, {x for x in o}
class D(C):
    pass
