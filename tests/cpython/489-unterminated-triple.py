# an unterminated triple-quoted string: the line where the file ends
x = 1
y = """abc
def

