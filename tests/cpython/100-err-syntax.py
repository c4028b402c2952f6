# SyntaxError: an unclosed parenthesis; nothing runs, not even the first print
print('never printed')
x = (1,
