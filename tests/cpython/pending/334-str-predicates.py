# The str.is... predicates.
tests = ["abc", "ABC", "Abc", "123", "½", "²", "a1", " ", "", "Hello World", "_id9", "9id"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(),
          t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(),
          t.isidentifier())
print("é".isascii(), "abc".isascii(), "\t".isprintable(), "x".isprintable())
