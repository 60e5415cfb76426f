# Two origins under load at the cap (max_connections=2): requests to origin A hold both connections, then
# requests to origin B queue behind a queued A request. httpcore 1.0.9 lets a B request evict the idle
# connection just assigned to the A request (which then re-queues), so it opens 5 connections; httpcore2
# reserves that connection and opens 3. Sleeps keep every release >= 0.3 s apart.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]
URL2 = os.environ["DIFF_URL2"]


async def get(client, url, i, sleep):
    try:
        r = await client.get(f"{url}/?sleep={sleep}&i={i}")
        return r.status_code
    except httpx.PoolTimeout:
        return "PoolTimeout"


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=2), timeout=30)
plan = [(URL, 0.3), (URL, 1.5), (URL, 0.3), (URL2, 0.3), (URL2, 0.3)]
results = await asyncio.gather(*[get(client, plan[i][0], i, plan[i][1]) for i in range(5)], return_exceptions=True)
print(results)
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
