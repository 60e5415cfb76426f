# An uncaught exception ends the script: stdout so far, then a traceback whose last line is
# `ValueError: max_connections must be positive`, and exit code 1.
def check(n):
    if n <= 0:
        raise ValueError("max_connections must be positive")
    return n

print(check(3))
print(check(0))
print("not reached")
