# client.aclose() while one request runs and two wait (max_connections=1): httpcore's pool.aclose() only closes
# the connections. The running request fails with ReadError (empty message); the waiting two are served on a new
# connection, which stays in the pool; the closed client refuses new sends with RuntimeError. (The pool is not
# printed right after aclose(): in PoolPlay the failure arrives from the socket on its own schedule.)
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=30)


async def one(i):
    try:
        r = await client.get(f"{URL}/?sleep=0.5&i={i}")
        return ("ok", r.status_code)
    except httpx.ReadError as e:
        return ("ReadError", str(e))


async def closer():
    await asyncio.sleep(0.2)
    print(client._transport._pool)
    await client.aclose()
    return "closed"


print(await asyncio.gather(one(0), one(1), one(2), closer()))
print(client._transport._pool)
print(client._transport._pool.connections)
try:
    await client.get(f"{URL}/?i=9")
except RuntimeError as e:
    print("RuntimeError", e)
