# List comprehensions with conditions, nesting, over strings and dicts.
squares = [n * n for n in range(6)]
print(squares)
print([n for n in squares if n % 2 == 0])
print([(a, b) for a in range(3) for b in range(a)])
print([c.upper() for c in "pool" if c != "o"])
d = {"x": 1, "y": 2}
print([k + str(v) for k, v in d.items()])
print(sum([n for n in range(101)]))
print([[j for j in range(i)] for i in range(3)])
