# 3.11: add_note() attaches notes printed after the exception message.
e = ValueError("bad input")
e.add_note("while reading line 3")
e.add_note("of config.ini")
print(e.__notes__)
print(str(e))
raise e
