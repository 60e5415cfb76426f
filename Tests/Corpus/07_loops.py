# while/else, for with break and continue, nested loops, if/elif/else.
i = 0
while i < 3:
    i += 1
else:
    print("while finished", i)
while True:
    i += 1
    if i > 5:
        break
else:
    print("never printed")
print("broke at", i)
for n in range(6):
    if n % 2 == 0:
        continue
    print("odd", n)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print(a, b, end=" ")
print()
for v in [5, 0, -5]:
    if v > 0:
        print("positive")
    elif v == 0:
        print("zero")
    else:
        print("negative")
