# gi_frame, gi_running and gi_suspended over a generator's life.
def gen():
    yield 1

g = gen()
print(g.gi_frame is not None, g.gi_running, g.gi_suspended)
next(g)
print(g.gi_frame is not None, g.gi_running, g.gi_suspended)
print(g.gi_frame.f_lineno)
next(g, None)
print(g.gi_frame, g.gi_running, g.gi_suspended)
print(g.__name__, g.__qualname__)
