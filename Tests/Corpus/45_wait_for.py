# asyncio.wait_for: a result in time, and TimeoutError (3.11) when the deadline passes first.
import asyncio
async def slow(v, delay):
    await asyncio.sleep(delay)
    return v
print(await asyncio.wait_for(slow("fast", 0.0), timeout=1.0))
try:
    await asyncio.wait_for(slow("late", 1.0), 0.05)
except asyncio.TimeoutError as e:
    print(type(e).__name__, repr(str(e)))
try:
    await asyncio.wait_for(slow("late", 1.0), timeout=0.05)
except TimeoutError:
    print("TimeoutError is asyncio.TimeoutError:", asyncio.TimeoutError is TimeoutError)
