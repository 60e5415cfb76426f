# asyncio.gather keeps argument order; return_exceptions=True returns the errors as values;
# create_task starts a coroutine that runs when the current one suspends.
import asyncio

async def work(i, delay):
    await asyncio.sleep(delay)
    if i == 2:
        raise ValueError(f"job {i} failed")
    return i * 10

results = await asyncio.gather(work(0, 0.03), work(1, 0.01), work(2, 0.0), return_exceptions=True)
print(results)
print([type(r).__name__ for r in results])
try:
    await asyncio.gather(work(1, 0), work(2, 0))
except ValueError as e:
    print("gather raised", e)

order = []
async def note(tag):
    order.append(tag + " start")
    await asyncio.sleep(0)
    order.append(tag + " end")
    return tag

task = asyncio.create_task(note("task"))
order.append("main before await")
print(await task)
print(order)
print(await asyncio.gather())
t2 = asyncio.create_task(work(3, 0))
await asyncio.sleep(0.02)
print(t2.done(), t2.result())
