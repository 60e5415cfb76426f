# More asyncio: sleep's result, nested gather, tasks finishing in delay order, exceptions
# from gather without return_exceptions, and awaiting the same task twice.
import asyncio
print(await asyncio.sleep(0, result="slept"))
finished = []
async def job(name, delay):
    await asyncio.sleep(delay)
    finished.append(name)
    return name
inner = asyncio.gather(job("a", 0.03), job("b", 0.01))
outer = await asyncio.gather(inner, job("c", 0.02))
print(outer, finished)
t = asyncio.create_task(job("t", 0))
print(await t, await t, t.done())
async def boom():
    await asyncio.sleep(0)
    raise KeyError("missing")
results = await asyncio.gather(boom(), job("ok", 0), return_exceptions=True)
print(results, repr(results[0]))
try:
    await asyncio.gather(job("x", 0), boom())
except KeyError as e:
    print("KeyError", e)
pending = job("z", 0)
print(asyncio.iscoroutine(pending), isinstance(t, asyncio.Task), isinstance(pending, asyncio.Task))
print(await pending)
