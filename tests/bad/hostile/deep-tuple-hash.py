x = ()
for i in range(1100000):
    x = (x,)
h = hash(x)
