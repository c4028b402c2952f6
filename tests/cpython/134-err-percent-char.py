# str % args: an unknown conversion (its index counts code points)
print("été %y" % 1)
