# the text of a value over the memory ceiling: MemoryError, not a silently cut line
x = [100000000] * 450000
print(x)
print("after")
