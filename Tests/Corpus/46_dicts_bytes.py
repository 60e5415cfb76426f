# Dict and bytes values: reprs, methods, iteration order, membership.
d = {"b": 1, "a": [1, 2], "c": {"x": None}}
print(d, len(d), list(d), d.keys(), d.values())
print(d.items())
print(d.get("zz"), d.get("zz", 0), d.pop("b"), d)
d.update({"z": 26})
d.setdefault("y", 25)
print(sorted(d.keys()), "a" in d, d == {"a": [1, 2], "c": {"x": None}, "z": 26, "y": 25})
for key in d:
    print(key, end=";")
print()
data = b"hi\x00\n"
print(data, len(data), data[0], data.decode(), bytes(3), "é".encode())
print(repr(b"it's"), b"a" + b"b", b"a" in b"abc")
