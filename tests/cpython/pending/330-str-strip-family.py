# strip, lstrip and rstrip with and without characters; removeprefix/suffix.
s = "  ..hello..  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr(s.strip(" .")), repr("x.".strip(".")), repr("xyxhixy".strip("xy")))
print(repr("www.example.com".lstrip("w.")), repr("file.txt".rstrip(".txt")))
print("test_case".removeprefix("test_"), "report.csv".removesuffix(".csv"))
print("abc".removeprefix("z"), repr("\t\n x \r\n".strip()))
