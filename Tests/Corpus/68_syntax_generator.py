# An unparenthesized generator next to another argument.
print(sum(x for x in range(4)))
f(x for x in y, 1)
