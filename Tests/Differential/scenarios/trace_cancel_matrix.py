# Where along one request does a cancellation leave the pool broken? A trace callback cancels its own task at one
# httpcore trace point; a fresh Limits(max_connections=1) client per point, no contention. httpcore 1.0.9 loses the
# slot at five points: right after the TCP connect (the connection stays NEW: the cancellation lands at
# http11.py:72's lock) and from the response head to the start of its close (the request stays in the pool's list
# and the connection ACTIVE: PoolByteStream.aclose() was interrupted). httpcore2's locks never yield there: it loses
# nothing. The next request shows it: PoolTimeout, or 200.
# TRACE_RAISE=1 (scenario trace_raise_matrix): the callback also awaits after cancelling, so CancelledError is raised
# inside it and propagates from the trace point itself (reference §C, SUSPEND=1): both libraries then strand the
# request at response_closed.started. The last point (stranded on an IDLE connection) is left out: PoolPlay does not
# model it.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]
RAISE = os.environ.get("TRACE_RAISE") == "1"
names = []


async def record(name, info):
    names.append(name + " " + ",".join(sorted(info)))


async with httpx.AsyncClient() as c:
    await c.get(f"{URL}/?i=all", extensions={"trace": record})
for line in names:
    print(line)

for i, line in enumerate(names[:11] if RAISE else names):
    event = line.split(" ")[0]
    client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(5.0, pool=0.2))
    seen = []

    async def cancel_at(name, info, i=i, seen=seen):
        seen.append(name)
        if len(seen) - 1 == i:
            asyncio.current_task().cancel()
            if RAISE:
                await asyncio.sleep(0)

    try:
        await asyncio.create_task(client.get(f"{URL}/?i={i}", extensions={"trace": cancel_at}))
        outcome = "completed"
    except asyncio.CancelledError:
        outcome = "cancelled"
    pool = client._transport._pool
    print(event, outcome)
    print(" ", pool)
    print(" ", pool.connections)
    try:
        r = await client.get(f"{URL}/?i=next{i}")
        print("  next:", r.status_code)
    except httpx.PoolTimeout:
        print("  next: PoolTimeout")
    await client.aclose()
