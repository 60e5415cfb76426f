# encode/httpcore#1093's shape without a trace hook: 20 workers share Limits(max_connections=5), each request
# cancelled by asyncio.wait_for after a random 0-50 ms budget, against a server answering in 5 ms. Under httpcore
# 1.0.9 the cancellations that land in its leak windows (a fresh connection handed to a cancelled waiter, the
# _state_lock right after a connect, the close of a response) pile up until no slot is left, and the last request
# gets PoolTimeout; httpcore2 has none of those windows (pydantic/httpx2#983) and keeps serving.
# max_keepalive_connections=1 makes most freed slots fresh connections, so the pool is poisoned long before the
# 1600th request (after 20-60 served in CPython, up to about 650 in PoolPlay, whose loop turns are faster).
import asyncio
import os
import random
import httpx

URL = os.environ["DIFF_URL"]
client = httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=1), timeout=httpx.Timeout(2.0, pool=2.0))
counts = {"ok": 0, "cancelled": 0}


async def worker(w):
    rnd = random.Random(1234 + w)
    for n in range(80):
        try:
            await asyncio.wait_for(client.get(f"{URL}/?sleep=0.005&i={w * 100 + n}"), rnd.uniform(0, 0.05))
            counts["ok"] += 1
        except asyncio.TimeoutError:
            counts["cancelled"] += 1


await asyncio.gather(*[worker(w) for w in range(20)])
await asyncio.sleep(0.3)
pool = client._transport._pool
states = {}
for c in pool.connections:
    key = repr(c).split(", ")[2] if ", " in repr(c) else repr(c)
    states[key] = states.get(key, 0) + 1
print("all ended:", counts["ok"] + counts["cancelled"] == 1600)
print("leaked slots:", sum(n for k, n in states.items() if "IDLE" not in k))
print("states (vary by run):", sorted(states.items()), pool)
try:
    r = await client.get(f"{URL}/?i=9999", timeout=httpx.Timeout(2.0, pool=0.5))
    print("probe:", r.status_code)
except httpx.PoolTimeout:
    print("probe: PoolTimeout")
await client.aclose()
