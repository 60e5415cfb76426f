# Set displays and comprehensions, set algebra, and slicing with steps: strings, lists and ranges.
ids = {3, 1, 2, 3}
print(ids, len(ids), 2 in ids, 7 in ids, set(), {(1, 2), (1, 2)})
squares = {n * n % 10 for n in range(20)}
print(squares, sorted(squares))
seen = set()
for word in ["gpt-4o", "gpt-4o-mini", "gpt-4o", "o1"]:
    seen.add(word)
print(sorted(seen), len(seen))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3, 4} < a, a.union([9]), a.intersection(range(3)))
frozen = frozenset(["x", "y"])
print(sorted(frozen), {frozen: 1}[frozenset(["y", "x"])], isinstance(a, set), type(frozen).__name__)
statuses = [200, 429, 500, 200, 503, 429]
retryable = {429, 500, 502, 503}
print([s for s in statuses if s in retryable], {s for s in statuses if s not in retryable})
text = "streaming tokens"
print(text[::-1], text[::2], text[1:10:3], text[-1:-7:-1], text[::-3])
print(range(10)[::2], range(10)[::-1], range(0, 100, 7)[3:9:2], range(5)[10:], list(range(20)[::-5]))
r = range(1, 50, 3)[2::4]
print(r, list(r), len(r), r[1], 25 in r)
print([1, 2, 3, 4, 5][::-2], (1, 2, 3, 4)[1::2], b"abcdef"[::2])
label = lambda n: "big" if n > 100 else "medium" if n > 10 else "small"
print([label(n) for n in (5, 50, 500)], {n: ("even" if n % 2 == 0 else "odd") for n in range(3)})
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
s = set()
s.pop()
