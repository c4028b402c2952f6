# cycles built inside a function outlive its return until gc.collect(); acyclic locals die at return
import gc
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
gc.collect()
def build():
    a = T('cyc-a')
    b = T('cyc-b')
    a.peer = b
    b.peer = a
    plain = T('plain')
    print('returning')
build()
print('after build')
print(gc.collect())
def build_many(n):
    for i in range(n):
        x = [i]
        x.append(x)
build_many(4)
print(gc.collect())
