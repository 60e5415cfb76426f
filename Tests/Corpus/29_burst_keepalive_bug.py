# httpcore 1.0.9's max_keepalive rule under a burst (after the reference pool probe, case a):
# 20 concurrent requests with Limits(5, 2), each held 100 ms by the server. Released connections
# are closed while the pool holds more than 2, so every request gets its own TCP connection,
# and 2 idle connections remain at the end.
import asyncio
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
slow = {"x-poolplay-latency": "100ms"}
async with httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=5, max_keepalive_connections=2)) as client:
    pool = client._transport._pool
    print("before:", pool)
    responses = await asyncio.gather(*[client.get("/models", headers=slow) for _ in range(20)])
    print([r.status_code for r in responses].count(200))
    print("after:", pool)
    print(pool.connections)
print("closed:", pool)
