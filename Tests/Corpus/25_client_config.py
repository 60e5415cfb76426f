# httpx.AsyncClient configuration as the client reports it: limits land on the pool, timeout,
# base_url (a trailing slash is added), headers (case-insensitive), and is_closed.
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
client = httpx.AsyncClient(
    limits=httpx.Limits(max_connections=7, max_keepalive_connections=3, keepalive_expiry=2.5),
    timeout=httpx.Timeout(12.0, connect=3.0),
    base_url=base,
    headers={"X-Team": "pool"},
)
print(client.timeout)
print(str(client.base_url) == base + "/")
print(client.headers["x-team"], client.headers.get("X-TEAM"), "x-team" in client.headers)
pool = client._transport._pool
print(pool._max_connections, pool._max_keepalive_connections, pool._keepalive_expiry)
print(pool)
print(client.is_closed)
await client.aclose()
print(client.is_closed)
sync_client = httpx.Client(timeout=3)
print(sync_client.timeout, sync_client._transport._pool)
sync_client.close()
print(sync_client.is_closed)
print(httpx.Client(timeout=None).timeout, httpx.Client(timeout=(1, 2, 3, 4)).timeout)
