# httpx's exception hierarchy and a refused connection.
import httpx
print(issubclass(httpx.PoolTimeout, httpx.TimeoutException), issubclass(httpx.ConnectError, httpx.TransportError))
print(issubclass(httpx.TimeoutException, httpx.HTTPError), issubclass(httpx.RemoteProtocolError, httpx.HTTPError))
async with httpx.AsyncClient() as client:
    try:
        await client.get("http://127.0.0.1:9/nothing")
    except httpx.ConnectError as e:
        print(type(e).__name__, e)
    try:
        await client.get("/relative")
    except Exception as e:
        print(type(e).__name__, e)
