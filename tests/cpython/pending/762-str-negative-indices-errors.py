# The exceptions raised in 462-str-negative-indices (negative and out-of-range start/end in str methods and slices), caught and printed.
s = "hello world"
try:
    s[11]
except IndexError as e:
    print(e)
