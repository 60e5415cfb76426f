# httpx2.Limits is a dataclass: same repr, except a string field keeps its quotes.
import httpx2
print(httpx2.Limits())
print(httpx2.Limits(max_connections="10"))
print(httpx2.Limits(max_connections=3, keepalive_expiry=None))
print(httpx2.Limits() == httpx2.Limits(keepalive_expiry=5.0))
try:
    httpx2.Limits(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    httpx2.Limits(max_conns=5)
except TypeError as e:
    print(type(e).__name__, e)
