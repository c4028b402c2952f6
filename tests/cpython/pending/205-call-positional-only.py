# Parameters before / can only be passed by position.
def clamp(value, low, high, /, *, wrap=False):
    if wrap:
        return low + (value - low) % (high - low)
    return max(low, min(high, value))

print(clamp(15, 0, 10))
print(clamp(15, 0, 10, wrap=True))
try:
    clamp(value=15, low=0, high=10)
except TypeError as e:
    print(e)
def f(a, /, **kw):
    return a, kw
print(f(1, a=2))
