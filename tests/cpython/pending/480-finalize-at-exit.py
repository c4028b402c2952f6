# weakref.finalize objects still alive at exit run at shutdown, newest first.
import weakref
class Res:
    pass
def report(name):
    print("finalizer", name)
keep = [Res(), Res(), Res()]
fs = [weakref.finalize(keep[i], report, "res %d" % i) for i in range(3)]
quiet = weakref.finalize(keep[0], report, "not at exit")
quiet.atexit = False
print([f.atexit for f in fs], quiet.atexit)
fs[1]()
print("end of script")
