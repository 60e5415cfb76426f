# PoolTimeout: one connection, held 300 ms by the server, and a 50 ms pool timeout for the
# two requests queued behind it (after the reference pool probe, case c). Its message is empty.
import asyncio
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
slow = {"x-poolplay-latency": "300ms"}
async with httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(10, pool=0.05)) as client:
    results = await asyncio.gather(*[client.get("/models", headers=slow) for _ in range(3)], return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print(type(r).__name__, repr(str(r)), isinstance(r, httpx.TimeoutException))
        else:
            print(r.status_code)
    print(client._transport._pool)
