# An uncaught error three calls deep: the whole traceback, innermost last.
def parse(row):
    return int(row[1])

def load(rows):
    return [parse(r) for r in rows]

def main():
    data = [("a", "1"), ("b", "x")]
    return load(data)

main()
