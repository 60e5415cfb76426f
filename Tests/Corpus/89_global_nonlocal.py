# global and nonlocal inside functions: module settings set up by a function, counters in closures,
# nonlocal through two levels, and an uncaught error raised from a closure.
def configure(model, retries):
    global SETTINGS, CALLS
    SETTINGS = {"model": model, "retries": retries}
    CALLS = 0
def record_call():
    global CALLS
    CALLS += 1
    return CALLS
configure("gpt-4o-mini", 3)
record_call()
record_call()
print(SETTINGS, CALLS, record_call())
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def peek():
        return count
    return increment, peek
inc, peek = make_counter(10)
inc()
inc(5)
print(peek(), inc(), make_counter()[0]())
def outer():
    state = "initial"
    def middle():
        def inner():
            nonlocal state
            state = "changed by inner"
        inner()
        return state
    before = state
    after = middle()
    return before, after, state
print(outer())
def tokens_budget(limit):
    used = 0
    def spend(n):
        nonlocal used
        if used + n > limit:
            raise ValueError(f"budget exceeded: {used} + {n} > {limit}")
        used += n
        return limit - used
    return spend
spend = tokens_budget(100)
print(spend(30), spend(50))
try:
    spend(40)
except ValueError as e:
    print(e)
print(spend(20), spend(0))
spend(1)
