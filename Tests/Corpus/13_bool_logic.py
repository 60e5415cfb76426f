# and/or/not return operands, short-circuiting, `in` and `not in`, chained comparisons,
# truthiness of values, `is` with None.
print(1 and 2, 0 and 2, 0 or "x", "" or [], None or 0)
print(not 0, not [1], not None)
def loud(v):
    print("evaluated", v)
    return v
print(loud(False) and loud(True))
print(loud(1) or loud(2))
print(3 in [1, 2, 3], "k" in {"k": 1}, 4 not in (1, 2))
x = 5
print(1 < x < 10, 1 < x > 7, x == 5 != 6)
print(bool(0), bool(""), bool([0]), bool({}), bool(0.0), bool("0"))
v = None
print(v is None, v is not None, [] == [], [1, 2] < [1, 3], "a" < "b")
