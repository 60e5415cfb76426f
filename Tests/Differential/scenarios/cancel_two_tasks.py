# encode/httpcore#1093 in its smallest form: max_connections=1, two requests, one loop turn, both cancelled.
# Request 1 is taking its connection's lock (it connects lazily); request 2 is queued. Cancelling request 1 frees
# the slot, and its cleanup pass hands a brand-new connection to request 2, which is already cancelled and never
# connects it. httpcore 1.0.9 keeps that connection CONNECTING for good, so the next request gets PoolTimeout;
# httpcore2 drops it at the next pass (pydantic/httpx2#983). The server sees no connection at all.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(5, pool=0.5))
tasks = [asyncio.create_task(client.get(f"{URL}/?i={i}")) for i in range(2)]
await asyncio.sleep(0)
for t in tasks:
    t.cancel()
results = await asyncio.gather(*tasks, return_exceptions=True)
print([type(r).__name__ for r in results])
print(client._transport._pool)
print(client._transport._pool.connections)
try:
    r = await client.get(f"{URL}/?sleep=0.1&i=2")
    print(r.status_code)
except httpx.PoolTimeout:
    print("PoolTimeout")
print(client._transport._pool)
await client.aclose()
