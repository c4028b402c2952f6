# str % args: fewer arguments than conversions
print("%s and %s" % ("one",))
