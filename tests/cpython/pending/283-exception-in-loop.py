# try inside a loop: break and continue go through finally.
results = []
for x in [3, 0, "a", 5, -1]:
    try:
        if x == -1:
            break
        results.append(10 // x)
    except ZeroDivisionError:
        results.append("div0")
        continue
    except TypeError:
        results.append("type")
    finally:
        results.append("|")
print(results)
