# Comprehension scope, truthiness in conditions, chained methods, nested data access, and
# membership on dict views.
data = {"models": [{"id": "a", "n": 3}, {"id": "b", "n": 0}]}
ids = [m["id"] for m in data["models"] if m["n"]]
print(ids)
try:
    print(m)
except NameError as e:
    print(type(e).__name__, e)
print("a" in data["models"][0].values(), "id" in data["models"][0].keys(), ("id", "a") in data["models"][0].items())
print(len(data["models"]) > 1 and data["models"][1]["n"] == 0)
totals = {}
for model in data["models"]:
    totals[model["id"]] = totals.get(model["id"], 0) + model["n"]
print(totals, list(totals.items())[0], sorted(totals, key=totals.get))
text = " Alpha,beta , GAMMA "
print([w.strip().lower() for w in text.split(",")])
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[1] for row in matrix], sum([sum(row) for row in matrix]))
print([i for i in range(10) if i % 2 if i > 3])
pairs = list(zip(["a", "b"], [1, 2]))
print(dict(pairs), list(dict(pairs)))
