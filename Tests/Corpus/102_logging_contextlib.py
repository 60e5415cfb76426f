# logging as client code configures it (records go to stderr; only what the script prints is compared here)
# and contextlib's suppress, nullcontext, ExitStack and AsyncExitStack.
import asyncio
import logging
from contextlib import suppress, nullcontext, ExitStack, AsyncExitStack

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("client")
log.info("starting %d requests", 3)
log.debug("not shown")
print(log, log.isEnabledFor(logging.DEBUG), log.getEffectiveLevel(), logging.getLevelName(logging.WARNING))
child = logging.getLogger("client.retry")
child.setLevel(logging.ERROR)
print(child, child.parent is log, logging.getLogger() is logging.root)

with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed KeyError")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError passed through")

def maybe_lock(use):
    return asyncio.Lock() if use else nullcontext("no lock")
with maybe_lock(False) as value:
    print(value)

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name)
        return False

with ExitStack() as stack:
    a = stack.enter_context(Resource("a"))
    b = stack.enter_context(Resource("b"))
    stack.callback(print, "callback runs first")
    print("using", a.name, b.name)

class AsyncResource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aopen", self.name)
        return self.name
    async def __aexit__(self, *exc):
        print("aclose", self.name)

async def lifespan():
    async with AsyncExitStack() as stack:
        names = [await stack.enter_async_context(AsyncResource(n)) for n in ("db", "http")]
        stack.push_async_callback(asyncio.sleep, 0)
        print("serving with", names)
    return "shut down"
print(await lifespan())
