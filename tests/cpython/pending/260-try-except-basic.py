# try/except catches the first matching handler; the rest of the block is skipped.
def parse(s):
    try:
        n = int(s)
        print("parsed", n)
        return n
    except ValueError:
        print("not a number:", s)
        return None

parse("12")
parse("twelve")
try:
    [1, 2][5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print(type(e).__name__, e)
