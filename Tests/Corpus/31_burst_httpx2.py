# httpx2's pool (httpcore2) under the Limits(5, 2) burst: reprs before, after and once closed.
import asyncio
import os
import httpx2
base = os.environ["OPENAI_BASE_URL"]
slow = {"x-poolplay-latency": "100ms"}
async with httpx2.AsyncClient(base_url=base, limits=httpx2.Limits(max_connections=5, max_keepalive_connections=2)) as client:
    pool = client._transport._pool
    print(pool)
    responses = await asyncio.gather(*[client.get("/models", headers=slow) for _ in range(20)])
    print(sum([1 for r in responses if r.status_code == 200]))
    print(pool)
    print(len(pool.connections))
print(pool)
