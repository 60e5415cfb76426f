# Augmented assignment on names, list items, dict entries and strings.
total = 0
for n in range(5):
    total += n
print(total)
total -= 3
total *= 4
print(total)
total //= 3
print(total)
total %= 5
print(total)
total **= 3
print(total)
ratio = 10
ratio /= 4
print(ratio)
items = [1, 2, 3]
items[1] += 10
items += [4]
print(items)
counts = {"a": 1}
counts["a"] += 1
print(counts)
word = "ab"
word *= 3
print(word)
