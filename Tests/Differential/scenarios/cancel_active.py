# Cancelling a request whose response has not arrived closes its connection (httpcore cannot reuse a
# half-used HTTP/1.1 connection); a queued request behind it then opens a new one. max_connections=1.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=30)
slow = asyncio.create_task(client.get(f"{URL}/?sleep=1&i=0"))
waiting = asyncio.create_task(client.get(f"{URL}/?sleep=0.1&i=1"))
await asyncio.sleep(0.3)
print(client._transport._pool)
slow.cancel()
try:
    await slow
except asyncio.CancelledError:
    print("cancelled")
r = await waiting
print(r.status_code)
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
