# str % args: %(key)s with a key the dict does not have
print("%(name)s is %(age)d" % {"name": "Ada"})
