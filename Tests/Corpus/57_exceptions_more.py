# More exception behaviour: raise from, args, repr, assert, exception classes as values,
# finally with break/continue, and errors inside comprehensions and closures.
try:
    try:
        {}["key"]
    except KeyError as inner:
        raise RuntimeError("lookup failed") from inner
except RuntimeError as e:
    print(type(e).__name__, e, e.args, repr(e))
e2 = ValueError("a", 1)
print(e2.args, str(e2), repr(e2), repr(KeyError("k")), str(KeyError("k")))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
errors = [ValueError, TypeError, KeyError]
print([cls.__name__ for cls in errors], issubclass(errors[2], LookupError))
def divide(a, b):
    return a / b
try:
    print([divide(1, n) for n in [1, 2, 0]])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
def fails():
    raise NotImplementedError("later")
try:
    fails()
except Exception as e:
    print(isinstance(e, RuntimeError), type(e).__name__, e)
raise KeyError("final")
