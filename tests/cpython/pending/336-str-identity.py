# When str methods hand back the same object instead of a copy.
import sys
s = "".join(["abc", "def"])
print(s.strip() is s, s[:] is s, s * 1 is s)
print(s.replace("z", "y") is s, s.lower() is s, str(s) is s)
print(s[0:6] is s, s[0:3] is s, (s + "") is s)
print(s.ljust(3) is s, s.zfill(2) is s, s.center(6) is s)
print(sys.getrefcount(s))
t = s.strip()
u = s[:]
print(sys.getrefcount(s))
