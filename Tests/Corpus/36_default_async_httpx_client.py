# openai's default HTTP clients keep its defaults: 1000/100 limits, Timeout(600, connect=5),
# follow_redirects; a limits= argument replaces only the limits.
import openai
from openai import DefaultAsyncHttpxClient, DefaultHttpxClient
print(openai.DEFAULT_TIMEOUT, openai.DEFAULT_MAX_RETRIES)
print(openai.DEFAULT_CONNECTION_LIMITS)
client = DefaultAsyncHttpxClient()
pool = client._transport._pool
print(client.timeout, client.follow_redirects, pool._max_connections, pool._max_keepalive_connections)
print(pool)
import httpx2
small = DefaultHttpxClient(limits=httpx2.Limits(max_connections=7))
print(small._transport._pool._max_connections, small._transport._pool._max_keepalive_connections, small.timeout)
print(isinstance(client, httpx2.AsyncClient))
await client.aclose()
