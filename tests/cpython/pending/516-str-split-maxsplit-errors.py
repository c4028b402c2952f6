# The exceptions raised in 216-str-split-maxsplit (str.split(sep, maxsplit) and rsplit, by position and by keyword), caught and printed.
s = "a b  c d"
try:
    "abc".split("")
except ValueError as e:
    print(e)
