# A bare client gets DEFAULT_LIMITS (100/20, 5 s) and Timeout(5.0); so does httpx2.
import httpx
import httpx2
print(httpx._config.DEFAULT_LIMITS)
print(httpx._config.DEFAULT_TIMEOUT_CONFIG)
for mod in [httpx, httpx2]:
    client = mod.AsyncClient()
    pool = client._transport._pool
    print(mod.__name__, pool._max_connections, pool._max_keepalive_connections, pool._keepalive_expiry)
    print(client.timeout, pool)
    await client.aclose()
unlimited = httpx.Client(limits=httpx.Limits(max_connections=None))._transport._pool
print(unlimited._max_connections, unlimited._max_keepalive_connections)
clamped = httpx.Client(limits=httpx.Limits(max_connections=5, max_keepalive_connections=10))._transport._pool
print(clamped._max_connections, clamped._max_keepalive_connections)
