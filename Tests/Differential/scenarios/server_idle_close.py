# The server closes connections idle for 1 s (the client's keepalive_expiry is 5): after 1.5 s the pool still
# lists the connection as IDLE; the next request finds it closed at the pass and opens a new one.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(limits=httpx.Limits(keepalive_expiry=5), timeout=10)
r = await client.get(f"{URL}/?i=0")
await asyncio.sleep(1.5)
print(client._transport._pool)
print(client._transport._pool.connections)
r = await client.get(f"{URL}/?i=1")
print(r.status_code)
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
