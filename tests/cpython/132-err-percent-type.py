# str % args: a conversion that needs a number gets a str
items = ["a"]
print("%d items" % items[0])
