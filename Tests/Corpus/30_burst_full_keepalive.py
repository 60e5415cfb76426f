# The same burst with Limits(5, 5): the five connections are reused and all stay idle.
import asyncio
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
slow = {"x-poolplay-latency": "100ms"}
client = httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=5, max_keepalive_connections=5))
pool = client._transport._pool
responses = await asyncio.gather(*[client.get("/models", headers=slow) for _ in range(20)])
print(len(responses), pool)
print(sorted([repr(c).split(", ")[-1] for c in pool.connections]))
print(pool.connections[0])
await client.aclose()
print(pool)
