# The exceptions raised in 332-str-split-join (splitlines, partition, rpartition and join), caught and printed.
text = "one\ntwo\r\nthree\n"
try:
    ",".join([1, 2])
except TypeError as e:
    print(e)
