# Scoping: closures see later assignments, loop variables captured late, default values bound early,
# shadowing builtins locally, recursion, and functions as arguments.
def make():
    fns = []
    for i in range(3):
        def f(k=i):
            return k
        fns.append(f)
    late = []
    for j in range(3):
        def g():
            return j
        late.append(g)
    return [f() for f in fns], [g() for g in late]
print(make())
def outer():
    def inner():
        return value * 2
    value = 21
    return inner()
print(outer())
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(10), fact(20))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 4), apply(len, "abc"), apply(fact, 5))
def shadow():
    len = 5
    return len
print(shadow(), len("ok"))
def counter_factory():
    calls = {"n": 0}
    def call():
        calls["n"] += 1
        return calls["n"]
    return call
tick = counter_factory()
print(tick(), tick(), tick.__name__, tick.__qualname__)
def uses_global_later():
    return later_defined + 1
later_defined = 41
print(uses_global_later())
print(fact)
