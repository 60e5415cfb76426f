# httpx and httpx2 ReadTimeout from a slow response, and the timeout/transport exception hierarchy.
# NOTE: str(e) is '' in CPython (anyio's timeout carries no text) but 'timed out' in PoolPlay (HTTPStack).
import os
import httpx
import httpx2
base = os.environ["OPENAI_BASE_URL"]
for mod in [httpx, httpx2]:
    async with mod.AsyncClient(base_url=base, timeout=mod.Timeout(5, read=0.2)) as c:
        try:
            await c.get("/models", headers={"x-poolplay-latency": "2s"})
        except mod.ReadTimeout as e:
            print(mod.__name__, type(e).__name__, isinstance(e, mod.TimeoutException), isinstance(e, mod.TransportError))
        print(c._transport._pool)
print([cls.__name__ for cls in [httpx.ConnectTimeout, httpx.WriteTimeout, httpx.PoolTimeout, httpx.NetworkError, httpx.ReadError, httpx.ProtocolError, httpx.RequestError]])
print(issubclass(httpx.ConnectTimeout, httpx.TimeoutException), issubclass(httpx.ReadError, httpx.NetworkError), issubclass(httpx.RemoteProtocolError, httpx.ProtocolError))
