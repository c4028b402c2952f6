# **kwargs collects the extra keyword arguments into a new dict each call.
def options(**kw):
    kw["seen"] = True
    return kw

d = {"color": "red", "size": 3}
r = options(**d)
print(r)
print(d)
print(r is d)
print(options())
print(options(a=1, b=2))
