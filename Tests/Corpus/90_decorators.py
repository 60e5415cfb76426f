# Decorators on functions and async functions: plain, with arguments, stacked, and a registry.
import asyncio
def log_calls(fn):
    def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {result!r}")
        return result
    return wrapper
@log_calls
def add(a, b):
    return a + b
add(2, 3)
def retry(times, on=(ValueError,)):
    def decorator(fn):
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args)
                except on as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"{fn.__name__} failed {times} times")
        return wrapper
    return decorator
failures = [1, 1]
@retry(3)
def flaky():
    if failures:
        failures.pop()
        raise ValueError("temporary")
    return "ok"
print(flaky())
def bold(fn):
    print("bold applied")
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    print("italic applied")
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def greet():
    return "hi"
print(greet())
HANDLERS = {}
def handles(event):
    def register(fn):
        HANDLERS[event] = fn
        return fn
    return register
@handles("start")
def on_start():
    return "starting"
print(sorted(HANDLERS), HANDLERS["start"](), on_start())
def async_timed(fn):
    async def wrapper(*args):
        print("awaiting", fn.__name__)
        value = await fn(*args)
        print("done", fn.__name__)
        return value
    return wrapper
@async_timed
async def fetch(n):
    await asyncio.sleep(0.01)
    return n * 10
print(await asyncio.gather(fetch(1), fetch(2)))
@retry(2)
def always_fails():
    raise ValueError("nope")
always_fails()
