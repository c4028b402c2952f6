# finally runs on return, and a return in finally replaces the first one.
def a():
    try:
        return "try"
    finally:
        print("cleanup a")

def b():
    try:
        return "try"
    finally:
        return "finally"

def c():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(a())
print(b())
print(c())
