# The exceptions of 460-str-encode-errors: UnicodeDecodeError and UnicodeEncodeError messages.
s = "café ☕"
bad = bytes([104, 105, 255])
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(e)
