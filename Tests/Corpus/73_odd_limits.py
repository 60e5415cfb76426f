# Odd limits are accepted and mean what the pool makes of them (after the reference pool probe, case f):
# max_connections=0 or -1 can never open a connection, so each request waits out its pool timeout;
# max_keepalive_connections=0 closes every connection as soon as it goes idle.
import asyncio
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
for limits in [httpx.Limits(max_connections=0), httpx.Limits(max_keepalive_connections=0), httpx.Limits(max_connections=-1)]:
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=httpx.Timeout(2, pool=0.1)) as client:
        results = await asyncio.gather(*[client.get("/models") for _ in range(3)], return_exceptions=True)
        print(limits)
        print([type(r).__name__ if isinstance(r, Exception) else r.status_code for r in results])
        print(client._transport._pool)
