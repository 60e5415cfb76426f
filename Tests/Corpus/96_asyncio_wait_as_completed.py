# Fan-in the way client code does it: asyncio.wait with each return_when, as_completed with and without a
# timeout, shield around work that must finish, and wait_for. Sets of tasks are sorted before printing
# (CPython orders them by address).
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name

tasks = [asyncio.create_task(job(f"job{i}", 0.1 * (4 - i))) for i in range(4)]
done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
print("first:", sorted(t.result() for t in done), len(pending))
done, pending = await asyncio.wait(tasks)
print("all:", sorted(t.result() for t in done), pending)

mixed = [asyncio.create_task(job("ok", 0.01)), asyncio.create_task(job("bad", 0.02, fail=True)),
         asyncio.create_task(job("slow", 0.2))]
done, pending = await asyncio.wait(mixed, return_when=asyncio.FIRST_EXCEPTION)
print("first exception:", len(done), len(pending), [str(t.exception()) for t in mixed if t.done() and t.exception()])
done, pending = await asyncio.wait(pending, timeout=0.01)
print("timeout:", len(done), len(pending), mixed[2].done())
mixed[2].cancel()
await asyncio.sleep(0)
print("cancelled:", mixed[2].cancelled())

try:
    await asyncio.wait([])
except ValueError as e:
    print("ValueError:", e)
try:
    await asyncio.wait(tasks, return_when="SOMETIMES")
except ValueError as e:
    print("ValueError:", e)

order = []
for next_done in asyncio.as_completed([job("c", 0.3), job("a", 0.1), job("b", 0.2)]):
    order.append(await next_done)
print("as_completed:", order)

got = []
try:
    for next_done in asyncio.as_completed([job("fast", 0.01), job("never", 5)], timeout=0.3):
        got.append(await next_done)
except TimeoutError:
    print("as_completed timed out after", got)

inner = asyncio.create_task(job("shielded", 0.3))
try:
    await asyncio.wait_for(asyncio.shield(inner), timeout=0.01)
except TimeoutError:
    print("outer timed out; inner still running:", not inner.done())
print("inner finished with", await inner)

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn saw the cancellation")
        raise
try:
    await asyncio.wait_for(stubborn(), 0.01)
except asyncio.TimeoutError:
    print("wait_for raised TimeoutError")
