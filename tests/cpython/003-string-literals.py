# string literals: escapes, quotes inside, concatenation, repetition, reprs in containers
s = 'it\'s'
t = "say \"hi\""
u = 'tab\there'
v = "line1\nline2"
w = 'back\\slash'
print(s)
print(t)
print(u)
print(v)
print(w)
print([s, t, u, v, w])
print(['a"b', "a'b", 'a\'b"c', ''])
print('ab' + "cd", 'xy' * 3, len('hello'), len(''))
print('abc'[0], 'abc'[-1], 'abcdef'[1:4], 'abcdef'[::2], 'abcdef'[::-1])
print('b' in 'abc', 'z' not in 'abc', 'abc' < 'abd', 'B' < 'a')
print(('x',), {'k': 'v'})
print(str(12) + str(3.5) + str(None) + str(True))
print("\x41\x42", len('\\n'), len('\n'), 'a\\b')
