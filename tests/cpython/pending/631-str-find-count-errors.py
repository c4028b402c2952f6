# The exceptions raised in 331-str-find-count (find, rfind, index, count, startswith and endswith with start/end), caught and printed.
s = "abracadabra"
try:
    s.index("z")
except ValueError as e:
    print(e)
