# Keep-alive reuse and expiry (after the reference pool probe, case b, with shorter times): three
# sequential requests share one connection; after 0.6 s idle with keepalive_expiry=0.1 the next request
# finds it expired, closes it and opens a new one.
import asyncio
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
async with httpx.AsyncClient(base_url=base, limits=httpx.Limits(keepalive_expiry=0.1)) as client:
    pool = client._transport._pool
    for _ in range(3):
        await client.get("/models")
    print(pool)
    print(pool.connections)
    await asyncio.sleep(0.6)
    print(pool.connections)
    await client.get("/models")
    print(pool.connections)
print(pool)
sync = httpx.Client(base_url=base)
sync.get("/models")
print(sync._transport._pool.connections)
sync.close()
print(sync._transport._pool)
