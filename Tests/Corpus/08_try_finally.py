# try/except/finally: matching by class and by base class, tuples of classes, `as e`,
# re-raise with a bare raise, finally on the way out of a function, and the order of events.
def risky(kind):
    try:
        if kind == "value":
            raise ValueError("bad value")
        if kind == "key":
            return {}["missing"]
        return "ok"
    finally:
        print("finally for", kind)

for kind in ["value", "key", "none"]:
    try:
        print("result", risky(kind))
    except ValueError as e:
        print("ValueError caught:", e)
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("inner")
        raise
except Exception as e:
    print("outer", type(e).__name__, e)

try:
    raise RuntimeError("boom")
except LookupError:
    print("not here")
except Exception as e:
    print(repr(e))
finally:
    print("done")
