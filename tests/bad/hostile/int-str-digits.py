x = 7 ** 7777
print(x)
