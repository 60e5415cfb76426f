# del on list items, slices and dict keys, and the errors around them.
items = [1, 2, 3, 4]
del items[0]
print(items)
del items[1:]
print(items)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError", e)
try:
    items[5]
except IndexError as e:
    print(type(e).__name__, e)
