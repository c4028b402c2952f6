# methods CPython has on builtin types but the subset does not: "not supported"
def bits(x):
    return x.bit_length()
print(bits(255))
