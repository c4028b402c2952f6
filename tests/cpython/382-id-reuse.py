# A freed object's memory (and so its id) is often reused at once.
a = [1, 2, 3]
old = id(a)
del a
b = [4, 5, 6]
print(id(b) == old)
x = 10 ** 30
old = id(x)
del x
y = 10 ** 30 + 1
print(id(y) == old)
class C:
    pass
c = C()
old = id(c)
del c
print(id(C()) == old)
print(id([]) == id([]))
