# tuples are tracked at creation; a collection untracks one only if no item is a GC type (an untracked tuple is fine)
import gc
gc.collect()
a = 1
b = 'two'
t = (a, b)
print(gc.is_tracked(t))
u = (a, [b])
v = (a, (a, b))
w = (t,)
gc.collect(0)
# v stays tracked: its inner tuple is moved behind it by move_unreachable, so it is untracked later
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v), gc.is_tracked(w), gc.is_tracked(v[1]))
gc.collect(0)
print('v is in gen1 now, gen0 skips it', gc.is_tracked(v))
gc.collect(1)
print('gen1 pass', gc.is_tracked(v))
x = (a, a)
print(gc.is_tracked(x))
gc.collect(2)
print(gc.is_tracked(x))
y = (a, {})
gc.collect()
# an empty dict is untracked, but it is a GC type, so the tuple stays tracked
print(gc.is_tracked(y), gc.is_tracked(y[1]))
z = (a, 2.5, None, 'str', 2 ** 70)
gc.collect()
print(gc.is_tracked(z))
