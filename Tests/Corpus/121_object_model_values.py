# Equality, hashing, identity and reprs of httpx / openai configuration objects, as the libraries define them.
import httpx
import httpx2
from openai import OpenAI, AsyncOpenAI, DEFAULT_TIMEOUT
print(httpx.Limits() == httpx2.Limits(), httpx.Limits() == httpx.Limits(), httpx2.Limits() != httpx2.Limits())
print(httpx.Timeout(1) == httpx2.Timeout(1), httpx2.Timeout(1) == httpx2.Timeout(1.0))
for value in [httpx.Timeout(1), httpx2.Limits(), httpx.Limits()]:
    try:
        print(hash(value))
    except TypeError as e:
        print(e)
odd = httpx.Timeout([1, 2])
print("built", odd.read)
try:
    print(odd)
except TypeError as e:
    print("printing:", e)
t = httpx.Timeout(3)
print(httpx.Client(timeout=t).timeout is t, httpx.Client(timeout=t).timeout == t)
t2 = httpx2.Timeout(3)
print(httpx2.AsyncClient(timeout=t2).timeout is t2, OpenAI(timeout=t2).timeout is t2, AsyncOpenAI(timeout=t).timeout is t)
print(OpenAI(timeout=None).timeout, OpenAI(timeout=None)._client.timeout)
client = OpenAI(timeout=3)
print(client.timeout, client._client.timeout, client.with_options(timeout=None).timeout, client.with_options(max_retries=5).timeout)
print(OpenAI().timeout is DEFAULT_TIMEOUT, OpenAI().with_options(max_retries=1).timeout is DEFAULT_TIMEOUT)
shared = httpx2.Client(timeout=7)
print(OpenAI(http_client=shared).timeout is shared.timeout, OpenAI(http_client=shared)._client is shared)
legacy = AsyncOpenAI(http_client=httpx.AsyncClient(timeout=20)).timeout
print(legacy, type(legacy), AsyncOpenAI(http_client=httpx.AsyncClient()).timeout is DEFAULT_TIMEOUT)
for base in ["http://127.0.0.1:8000", "http://127.0.0.1:8000/", "http://127.0.0.1:8000/v1", ""]:
    print(repr(httpx.Client(base_url=base).base_url), repr(httpx2.Client(base_url=base).base_url), str(httpx2.AsyncClient(base_url=base).base_url))
one, two = httpx.Client(), httpx.Client()
print(repr(one) == repr(one), repr(one) != repr(two))
print(one, httpx2.AsyncClient(), one._transport)
print(OpenAI(), AsyncOpenAI()._client, OpenAI()._client)
