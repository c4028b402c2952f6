# Case mapping follows Unicode, including one-to-many mappings.
print("é".upper(), "É".lower(), "straße".upper(), "ǅ".lower())
print("ǆ".title(), "ß".casefold(), "ΣΑΣ".lower())
print("hello world".title(), "hELLO".swapcase(), "hello".capitalize())
print("İ".lower(), len("İ".lower()), "ﬁ".upper())
print("Ǆungla".capitalize(), "abc".upper().isupper())
import sys
print(sys.getsizeof("é".upper()), sys.getsizeof("straße".upper()))
