"""doc"""
x = 1
if x:
    y = 1
else:
    y = 2
while x:
    x -= 1
