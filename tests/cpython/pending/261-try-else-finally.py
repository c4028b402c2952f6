# The order of try, except, else and finally.
def run(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("except")
    else:
        print("else", r)
    finally:
        print("finally")
    print("after")

run(2)
run(0)
