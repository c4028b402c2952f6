# When str operations give back the very same object (no new string).
import sys
s = "".join(["abc", "def"])
print(s.strip() is s, s[:] is s, s * 1 is s)
print(s.replace("z", "y") is s, str(s) is s, s[0:6] is s)
print(s.lower() is s, s.upper() is s, (s + "") is s, ("" + s) is s)
print(s[0:3] is s, s[3:] is s)
print(sys.getrefcount(s))
t = s.strip()
u = s[:]
v = s * 1
print(sys.getrefcount(s))
