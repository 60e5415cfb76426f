# Assignment: plain, tuple targets (with and without parentheses), swaps, nested unpacking,
# unpacking from a list and a string, and chained assignment.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, second, third = [10, 20, 30]
print(first + second + third)
p, q = "hi"
print(p, q)
m = n = 7
print(m, n)
for i, (key, value) in enumerate([("a", 1), ("b", 2)]):
    print(i, key, value)
t = 1, 2, 3
print(t, type(t).__name__, len(t))
