# str.encode and bytes.decode with errors= handlers.
s = "café ☕"
print(s.encode())
print(s.encode("ascii", errors="replace"), s.encode("ascii", "ignore"))
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print(s.encode("latin-1", "replace"), len(s.encode("utf-16")))
bad = bytes([104, 105, 255])
print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "ignore"), bad.decode("latin-1"))
