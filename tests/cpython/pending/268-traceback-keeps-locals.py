# A saved exception keeps its traceback, the traceback keeps the frame, and
# the frame keeps its locals alive: the classic leak.
class Big:
    def __del__(self):
        print("Big freed")

def work():
    payload = Big()
    raise RuntimeError("failed")

saved = None
try:
    work()
except RuntimeError as e:
    saved = e
print("handler done")
print(saved.__traceback__ is not None)
print(type(saved.__traceback__.tb_next.tb_frame.f_locals["payload"]).__name__)
saved = None
print("cleared")
