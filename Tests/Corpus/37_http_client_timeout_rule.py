# A user http_client keeps its limits; its timeout becomes openai's 600/5 default unless it was
# set to something other than httpx's Timeout(5.0); an explicit timeout= beats both.
import httpx2
from openai import AsyncOpenAI
plain = AsyncOpenAI(http_client=httpx2.AsyncClient(limits=httpx2.Limits(max_connections=3)))
print(plain.timeout, plain._client.timeout)
print(plain._client._transport._pool._max_connections)
custom = AsyncOpenAI(http_client=httpx2.AsyncClient(timeout=20))
print(custom.timeout, custom._client.timeout)
# NOTE: timeout=3 would read back as 3 in the SDK (PoolPlay: Timeout(timeout=3)), hence a Timeout here.
explicit = AsyncOpenAI(http_client=httpx2.AsyncClient(), timeout=httpx2.Timeout(3))
print(explicit.timeout)
print(AsyncOpenAI().timeout)
print(AsyncOpenAI()._client._transport._pool._max_connections)
