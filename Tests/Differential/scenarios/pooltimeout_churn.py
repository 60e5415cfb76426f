# The pool's own PoolTimeout poisons httpcore 1.0.9, with no user cancellation (encode/httpcore#1093's kind 1):
# 80 workers (60 requests each) share Limits(10, 10) with Timeout(pool=0.05) against a server that closes every
# connection. Each freed slot becomes a *new* connection for the oldest queued request; when that request's pool
# timer fired in the loop turn or two before, its task turns the cancellation into PoolTimeout and never connects
# it, so the slot stays CONNECTING for good. Real httpx loses all ten within a few dozen requests, and every later
# request times out. httpcore2 drops such connections at its next pass (pydantic/httpx2#983) and keeps serving.
# (The reference run used 40 workers × 30 requests; 80 × 60 make the coincidence frequent enough to show in PoolPlay's
# faster loop: with 30 requests each, one CI run lost no slot at all.)
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(
    limits=httpx.Limits(max_connections=10, max_keepalive_connections=10), timeout=httpx.Timeout(5, pool=0.05)
)


async def worker(w):
    outcomes = []
    for k in range(60):
        try:
            await client.get(f"{URL}/?sleep=0.02&i={w}")
            outcomes.append("ok")
        except httpx.PoolTimeout:
            outcomes.append("PoolTimeout")
    return outcomes


results = await asyncio.gather(*[worker(w) for w in range(80)])
print("some served:", any("ok" in r for r in results))
print("last round served:", any(r[-1] == "ok" for r in results))
pool = client._transport._pool
print(pool)
print(sorted(set(repr(c) for c in pool.connections)))
try:
    r = await client.get(f"{URL}/?i=40")
    print("probe:", r.status_code)
except httpx.PoolTimeout:
    print("probe: PoolTimeout")
await client.aclose()
