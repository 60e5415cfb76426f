# String literals and escapes, unicode, raw strings, bytes escapes, and f-string corner cases.
print("tab\tnew\\n", r"raw\n", 'quote\'s', "uni\u00e9", "\x41")
print(repr("é"), repr("\x00"), repr("\t"), repr("'\""), ascii("é"))
print(b"\x7f\x80", repr(b"\\"), b"abc"[1:], list(b"ab"), bytes([104, 105]))
name = "pool"
print(f"{name!r:>10}", f"{'a' + 'b'}", f"{len(name)}", f"{name[1:3]}", f"{ {'k': 1}['k'] }")
print(f"{3:{'>'}{5}}", f"{12.5:08.2f}", f"{-12.5:+.1f}", f"{1000000.0}", f"{1e-7}")
print(f"{'x'!a}", f"{'é'!a}", f"{None}", f"{[1, 'a']}")
value = 0.1 + 0.2
print(f"{value}", f"{value:.17f}", f"{value:.1f}", f"{value:g}", f"{value:e}", f"{value:%}")
print(f"{255:08b}", f"{255:X}", f"{-255:x}", f"{1234567.0:,.1f}", f"{12:_}", f"{0:.0f}")
print("{:>{w}}".format("r", w=4), "{0!r:<6}|".format("s"), "%r %s" % ("a", b"b"))
