# Strings: reprs with quotes, escapes, methods, f-strings with format specs and conversions.
s = "it's"
print(repr(s), repr('say "hi"'), repr("tab\there"))
print(s.upper(), "A-B-C".split("-"), ", ".join(["x", "y"]), "  pad  ".strip())
print("hello".replace("l", "L"), "hello".startswith("he"), "hello".endswith("x"), "abc".find("c"))
name = "pool"
n = 7
f = 2.0 / 3
print(f"{name}: {n}")
print(f"{n:5d}|{n:<5}|{n:>5}|{n:^5}|{n:05d}")
print(f"{f:.2f} {f:.3} {f:10.4f} {1234567.891:,.2f} {0.25:.0%}")
print(f"{name!r} {name:>8} {name!s}")
print(f"{n * 2} {[1, 2]} {None} {True}")
print(f"{{braces}} {n!r:>4}")
print("%s and %d" % ("a", 3))
print("abc"[1], "abc"[-1], len("héllo"))
print("x" * 3, "a" + "b", "b" in "abc", "z" not in "abc")
print(str(5), str(2.5), str(None), str([1, "a"]))
print("{} + {} = {}".format(1, 2, 3), "{name}!".format(name="hi"))
