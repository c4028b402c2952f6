# Fixing the traceback leak: drop the traceback (or the exception) explicitly.
class Big:
    def __del__(self):
        print("Big freed")

def work():
    payload = Big()
    raise ValueError("oops")

errors = []
try:
    work()
except ValueError as e:
    errors.append(e)
print("stored the exception")
errors[0].__traceback__ = None
print("dropped its traceback")
errors.clear()
print("end")
