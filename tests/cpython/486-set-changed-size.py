# a set that grows during iteration: RuntimeError
s = {1}
for x in s:
    print(x)
    s.add(x + 1)
