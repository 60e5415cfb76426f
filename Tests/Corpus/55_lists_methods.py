# List and string methods people reach for, with their results and reprs.
items = [3, 1, 2]
items.append(4)
items.extend([5, 6])
items.insert(0, 0)
print(items, items.pop(), items.pop(0), items)
items.remove(3)
items.sort()
print(items, items.index(4), items.count(1))
items.reverse()
print(items, items[::-1] == sorted(items), items.copy() == items)
items.clear()
print(items, len(items))
words = "  Pool Connections  ".strip().lower().split()
print(words, "-".join(words).title(), "x,y,,z".split(","), "a b".split(" ", 1))
print("pool".capitalize(), "POOL".isupper(), "42".isdigit(), "ab".center(6, "*"), "7".zfill(3))
print("keepalive".count("e"), "keepalive".rfind("e"), "a=b".partition("="), "line\n".rstrip())
print(sorted(["b", "C", "a"]), sorted(["b", "C", "a"], key=str.lower), sorted([3, 1, 2], key=None))
nested = [[1, 2], [3]]
flat = [x for sub in nested for x in sub]
print(flat, sum(flat), [0] * 3, [[0] * 2] * 2)
print(list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
