x = "été"
print(x)
