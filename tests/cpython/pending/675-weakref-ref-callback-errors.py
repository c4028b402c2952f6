# The exceptions of 375-weakref-ref-callback: which objects cannot be weakly referenced.
import weakref
for obj in [5, "text", (1, 2), None]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
