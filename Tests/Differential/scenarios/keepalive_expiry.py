# keepalive_expiry=1: a request 0.1 s later reuses the connection; after 1.2 s idle the pool still lists
# it as IDLE (expiry is lazy) and the next request opens a new connection.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(limits=httpx.Limits(keepalive_expiry=1), timeout=10)
r = await client.get(f"{URL}/?i=0")
await asyncio.sleep(0.1)
r = await client.get(f"{URL}/?i=1")
print(client._transport._pool.connections)
await asyncio.sleep(1.2)
print(client._transport._pool)
print(client._transport._pool.connections)
r = await client.get(f"{URL}/?i=2")
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
