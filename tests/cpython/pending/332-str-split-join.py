# splitlines, partition, rpartition and join.
text = "one\ntwo\r\nthree\n"
print(text.splitlines(), text.splitlines(True))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print(", ".join(["a", "b", "c"]), "".join(reversed("abc")), "-".join("xyz"))
print("|".join([]), "+".join(["solo"]))
