# transport= wins: the client's limits= is ignored and the transport's own pool (100/20) is used.
import httpx
client = httpx.AsyncClient(
    transport=httpx.AsyncHTTPTransport(retries=2),
    limits=httpx.Limits(max_connections=3),
)
pool = client._transport._pool
print(pool._max_connections, pool._max_keepalive_connections, pool._retries)
own = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=4))
print(own._pool._max_connections, own._pool._max_keepalive_connections)
print(httpx.AsyncClient(transport=own)._transport._pool._max_connections)
sync = httpx.Client(transport=httpx.HTTPTransport(retries=1), limits=httpx.Limits(max_connections=1))
print(sync._transport._pool._max_connections, sync._transport._pool._retries)
