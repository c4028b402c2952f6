# Parameters after * (or *args) can only be passed by keyword.
def connect(host, *, port=80, secure=False):
    return host, port, secure

print(connect("a"))
print(connect("a", port=8080))
print(connect("a", secure=True, port=443))
try:
    connect("a", 8080)
except TypeError as e:
    print(e)
def log(*parts, sep):
    return sep.join(parts)
print(log("x", "y", sep="-"))
try:
    log("x", "y")
except TypeError as e:
    print(e)
