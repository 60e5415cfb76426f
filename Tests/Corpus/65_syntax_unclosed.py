# A bracket left open: nothing runs, the SyntaxError names the bracket, exit code 1.
print("start")
values = [1, 2
print(values)
