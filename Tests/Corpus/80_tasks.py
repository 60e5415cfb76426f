# Tasks as handles: names, done/cancel/cancelled, results gathered from a list of tasks, and a
# cancelled task raising CancelledError at whoever awaits it.
import asyncio
async def work(n):
    await asyncio.sleep(0.01 * n)
    return n * n
tasks = [asyncio.create_task(work(n)) for n in range(4)]
print([t.done() for t in tasks])
print(await asyncio.gather(*tasks), [t.done() for t in tasks], tasks[0].result())
slow = asyncio.create_task(work(100))
await asyncio.sleep(0)
print(slow.cancel(), slow.done())
try:
    await slow
except asyncio.CancelledError:
    print("cancelled", slow.cancelled(), slow.done())
print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
named = asyncio.create_task(work(0), name="probe")
print(named.get_name(), await named)
