# A traceback object per frame the exception passed through.
def a():
    b()
def b():
    c()
def c():
    raise ValueError("deep")

try:
    a()
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        depth += 1
        tb = tb.tb_next
    print(depth, names)
