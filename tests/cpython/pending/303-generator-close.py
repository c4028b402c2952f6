# close() raises GeneratorExit at the paused yield; finally blocks run.
def worker():
    try:
        while True:
            yield "tick"
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")

w = worker()
print(next(w))
w.close()
print("closed")
w.close()
print(next(w, "exhausted"))
