# Control for churn_5_2: Limits(5, 5) with 20 concurrent requests gives 5 connections in both pools.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]


async def get(client, i):
    try:
        r = await client.get(f"{URL}/?sleep=0.2&i={i}")
        return "ok"
    except httpx.PoolTimeout:
        return "PoolTimeout"


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=5), timeout=30)
results = await asyncio.gather(*[get(client, i) for i in range(20)], return_exceptions=True)
print(f"ok={len([r for r in results if r == 'ok'])} pool_timeouts={len([r for r in results if r == 'PoolTimeout'])}")
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
print(client._transport._pool)
