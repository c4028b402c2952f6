# gc.collect(gen): survivors move to an older generation and younger collections skip them
import gc
gc.collect()
gc.disable()
a = []
a.append(a)
del a
print('gen0 finds new garbage', gc.collect(0))
b = []
b.append(b)
print('b survives gen0', gc.collect(0))
del b
print('gen0 after del', gc.collect(0))
print('gen1 finds b', gc.collect(1))
c = []
c.append(c)
print(gc.collect(1))
del c
print('gen0', gc.collect(0), 'gen1', gc.collect(1), 'gen2', gc.collect(2))
d = []
d.append(d)
gc.collect(1)
del d
print('gen0', gc.collect(0), 'gen1', gc.collect(1), 'gen2', gc.collect(2))
e = []
e.append(e)
del e
print('default is full', gc.collect())
gc.enable()
