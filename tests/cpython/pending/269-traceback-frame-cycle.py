# Storing the caught exception in a local makes a cycle:
# frame -> exception -> traceback -> frame. Only gc.collect() frees it.
import gc
class Big:
    def __del__(self):
        print("Big freed")

def work():
    payload = Big()
    try:
        raise ValueError("oops")
    except ValueError as e:
        err = e
    return "done"

gc.collect()
print(work())
print("returned")
print(gc.collect() > 0)
print("collected")
