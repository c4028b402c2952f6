# The messages of errors a learner meets first, caught and printed.
def attempt(label, thunk):
    try:
        thunk()
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("index", lambda: [1][3])
attempt("key", lambda: {"a": 1}["b"])
attempt("attr", lambda: (5).nope)
attempt("type", lambda: "a" + 1)
attempt("value", lambda: int("x"))
attempt("zero", lambda: 1 % 0)
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("name", lambda: undefined_name_xyz)
