# getrefcount of strings a learner writes as literals (immortal from 3.12).
import sys
name = "hello"
print(sys.getrefcount(name) > 1)
words = "".join(["run", "time"])
print(sys.getrefcount(words))
pair = [words, words]
print(sys.getrefcount(words))
key = "key_" + str(1)
d = {key: 1}
print(sys.getrefcount(key))
