# httpx.Limits: keyword-only fields, no validation, field-wise equality, reprs.
import httpx
print(httpx.Limits())
print(httpx.Limits(max_connections=5, max_keepalive_connections=2))
print(httpx.Limits(max_connections=5, max_keepalive_connections=2, keepalive_expiry=1))
print(httpx.Limits(max_connections=None, max_keepalive_connections=None, keepalive_expiry=None))
print(httpx.Limits(max_connections=-1, max_keepalive_connections=-5, keepalive_expiry=-1))
print(httpx.Limits(max_connections=0))
print(httpx.Limits(max_connections="10"))
print(httpx.Limits() == httpx.Limits(keepalive_expiry=5.0))
print(httpx.Limits(max_connections=1) == httpx.Limits(max_connections=2))
lim = httpx.Limits(max_connections=10, max_keepalive_connections=5)
print(lim.max_connections, lim.max_keepalive_connections, lim.keepalive_expiry)
print(repr(lim), str(lim) == repr(lim))
print([lim])
try:
    httpx.Limits(5)
except TypeError as e:
    print(type(e).__name__, e)
