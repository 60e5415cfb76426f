# *args and **kwargs in definitions and at call sites, keyword-only parameters,
# and the TypeErrors for wrong calls.
def show(*args, **kwargs):
    print(args, kwargs)

show()
show(1, 2, a=3)
nums = [4, 5]
opts = {"x": 1}
show(*nums, **opts)
show(0, *nums, 6, y=2, **opts)

def f(a, b=2, *rest, c, **extra):
    return (a, b, rest, c, extra)

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, d=6))

def g(a, b):
    return a + b

try:
    g(1)
except TypeError as e:
    print(e)
try:
    g(1, 2, 3)
except TypeError as e:
    print(e)
try:
    g(1, c=2)
except TypeError as e:
    print(e)
try:
    g(1, 2, a=1)
except TypeError as e:
    print(e)
print(max(*[3, 9, 2]))
