# The exceptions raised in 215-dict-constructor-keywords (dict() from keywords, pairs, another dict, and zip), caught and printed.
import sys
d = dict(a=1)
d2 = dict(a=1, b=2, c=3, d=4, e=5, f=6)
try:
    dict([1, 2])
except TypeError as e:
    print(e)
