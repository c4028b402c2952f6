# raise ... from: the traceback says "The above exception was the direct cause".
class ParseError(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError("cannot parse " + repr(s)) from e

print(parse("7"))
parse("seven")
