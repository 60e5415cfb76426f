# Deadlines and structured concurrency from Python 3.11: asyncio.timeout around a block, nested timeouts,
# TaskGroup fan-out, a failing child cancelling its siblings, and except* picking the errors apart.
import asyncio

async def fetch(i, delay=0.01, fail=None):
    await asyncio.sleep(delay)
    if fail:
        raise fail
    return i * 10

try:
    async with asyncio.timeout(0.02) as cm:
        await asyncio.sleep(1)
except TimeoutError as e:
    print("timed out:", repr(e), cm.expired())

async with asyncio.timeout(1) as cm:
    await asyncio.sleep(0.01)
print("in time:", cm.expired())

async with asyncio.timeout(None) as cm:
    await asyncio.sleep(0)
print("no deadline:", cm.when())

async def nested():
    try:
        async with asyncio.timeout(1):
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
    except TimeoutError:
        print("inner deadline hit first")
    return "nested done"
print(await nested())

async def swallow():
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            finally:
                print("cleanup runs inside the block")
    except TimeoutError:
        return "converted to TimeoutError"
print(await swallow())

async with asyncio.TaskGroup() as tg:
    results = [tg.create_task(fetch(i)) for i in range(5)]
print("group:", [t.result() for t in results])

cancelled = []
async def slow(i):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append(i)
        raise
try:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch(1, 0, ValueError("bad input")))
        tg.create_task(fetch(2, 0, KeyError("missing")))
        for i in range(3):
            tg.create_task(slow(i))
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("KeyErrors:", [repr(e) for e in eg.exceptions])
print("siblings cancelled:", sorted(cancelled))

try:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch(1, 0.01, RuntimeError("boom")))
        await asyncio.sleep(1)
    print("not reached")
except ExceptionGroup as eg:
    print(type(eg).__name__, eg.message, len(eg.exceptions), repr(eg.exceptions[0]))

try:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch(1))
        raise LookupError("body failed")
except* LookupError as eg:
    print("body error in group:", eg.exceptions)

async def with_deadline():
    try:
        async with asyncio.timeout(0.02):
            async with asyncio.TaskGroup() as tg:
                for i in range(3):
                    tg.create_task(slow(10 + i))
    except TimeoutError:
        return "group cancelled by the deadline"
cancelled.clear()
print(await with_deadline(), sorted(cancelled))
