# 20 nested loops are allowed, and a function starts counting again
for i0 in [1]:
    for i1 in [1]:
        for i2 in [1]:
            for i3 in [1]:
                for i4 in [1]:
                    for i5 in [1]:
                        for i6 in [1]:
                            for i7 in [1]:
                                for i8 in [1]:
                                    for i9 in [1]:
                                        for i10 in [1]:
                                            for i11 in [1]:
                                                for i12 in [1]:
                                                    for i13 in [1]:
                                                        for i14 in [1]:
                                                            for i15 in [1]:
                                                                for i16 in [1]:
                                                                    for i17 in [1]:
                                                                        for i18 in [1]:
                                                                            for i19 in [1]:
                                                                                print("deep")
def f():
    for j0 in [2]:
        for j1 in [2]:
            for j2 in [2]:
                for j3 in [2]:
                    for j4 in [2]:
                        for j5 in [2]:
                            for j6 in [2]:
                                for j7 in [2]:
                                    for j8 in [2]:
                                        for j9 in [2]:
                                            for j10 in [2]:
                                                for j11 in [2]:
                                                    for j12 in [2]:
                                                        for j13 in [2]:
                                                            for j14 in [2]:
                                                                for j15 in [2]:
                                                                    for j16 in [2]:
                                                                        for j17 in [2]:
                                                                            for j18 in [2]:
                                                                                for j19 in [2]:
                                                                                    return j19
print(f())
