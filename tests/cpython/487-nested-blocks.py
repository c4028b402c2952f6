# 21 nested loops: too many statically nested blocks (CPython stops at 20)
for i0 in [1]:
    while i0 > 5:
        for i2 in [1]:
            while i2 > 5:
                for i4 in [1]:
                    while i4 > 5:
                        for i6 in [1]:
                            while i6 > 5:
                                for i8 in [1]:
                                    while i8 > 5:
                                        for i10 in [1]:
                                            while i10 > 5:
                                                for i12 in [1]:
                                                    while i12 > 5:
                                                        for i14 in [1]:
                                                            while i14 > 5:
                                                                for i16 in [1]:
                                                                    while i16 > 5:
                                                                        for i18 in [1]:
                                                                            while i18 > 5:
                                                                                for i20 in [1]:
                                                                                    pass
