# 3.11: ExceptionGroup and except* split a group by type.
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as g:
    print("values", [e.args[0] for e in g.exceptions])
except* TypeError as g:
    print("types", [e.args[0] for e in g.exceptions])
eg = ExceptionGroup("g", [KeyError("a")])
print(type(eg).__name__, len(eg.exceptions), str(eg))
