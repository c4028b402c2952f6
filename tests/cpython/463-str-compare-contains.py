# String comparison is by code point; in finds substrings.
print("apple" < "banana", "Zebra" < "apple", "a" < "aa", "" < "a")
print("é" > "z", "abc" == "abc", "abc" != "abd", "10" < "9")
print("ell" in "hello", "" in "x", "xyz" in "xy", "L" in "hello")
print(max("apple", "Apple", "APPLE"), min(["b", "a", "c"]))
print("ab" * 0 == "", "-" * 5, 3 * "ab")
print(sorted(["b", "B", "a", "A", "_", "1"]))
