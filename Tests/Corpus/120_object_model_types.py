# What type() shows for the objects of real client code, and which classes are the same object: openai
# re-exports httpx2's Timeout and renames its module once imported; its own clients subclass httpx2's.
import os
import httpx
import httpx2
print(type(httpx2.Timeout(1)), httpx2.Timeout.__module__)
import openai
from openai import OpenAI, AsyncOpenAI
print(type(httpx2.Timeout(1)), httpx2.Timeout, type(httpx.Timeout(1)), openai.Timeout is httpx2.Timeout)
print(type(httpx.Client()), type(httpx.AsyncClient()), type(httpx2.Client()))
print(type(httpx.Client()._transport), type(httpx2.AsyncClient()._transport))
print(type(httpx.Client()._transport._pool), type(httpx.AsyncClient()._transport._pool))
print(type(httpx2.Client()._transport._pool), type(httpx2.AsyncClient()._transport._pool))
sync_client = OpenAI()
async_client = AsyncOpenAI()
print(type(sync_client), type(async_client), type(sync_client.timeout))
print(type(sync_client._client), type(async_client._client), type(async_client._client).__name__)
print(openai.DefaultHttpxClient, openai.DefaultAsyncHttpxClient, type(openai.DefaultHttpxClient()))
print(type(openai.DefaultHttpx2Client()), type(openai.DefaultAsyncHttpx2Client()))
print(type(httpx2.Client()) is httpx2.Client, type(openai.DefaultHttpxClient()) is openai.DefaultHttpxClient)
print(isinstance(async_client._client, httpx2.AsyncClient), isinstance(async_client._client, openai.DefaultAsyncHttpxClient))
print(isinstance(httpx2.AsyncClient(), openai.DefaultAsyncHttpxClient), isinstance(sync_client._client, httpx.Client))
print(openai.Client is OpenAI, openai.AsyncClient is AsyncOpenAI, type(sync_client) is OpenAI)
print(type(httpx2.Limits()), type(openai.DEFAULT_TIMEOUT), type(openai.DEFAULT_CONNECTION_LIMITS))
for make in [lambda: AsyncOpenAI._client, lambda: httpx.Client.get_pool,
             lambda: openai.DefaultHttpxClient(foo=1), lambda: openai.DefaultAsyncHttpxClient(1),
             lambda: openai.DefaultHttpx2Client(1), lambda: openai.DefaultAsyncHttpx2Client(follow=True),
             lambda: httpx2.AsyncClient(1), lambda: sync_client._client.get(), lambda: httpx.Client().request("GET")]:
    try:
        make()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
pooled = httpx2.Client()
pooled.get(os.environ["OPENAI_BASE_URL"] + "/models")
print(type(pooled._transport._pool.connections[0]), len(pooled._transport._pool.connections))
# The class hierarchy: openai's clients derive from httpx2's; httpx and httpx2 classes are unrelated.
for check in [lambda: issubclass(openai.DefaultHttpxClient, httpx2.Client), lambda: issubclass(httpx2.Client, openai.DefaultHttpxClient),
              lambda: issubclass(type(async_client._client), httpx2.AsyncClient), lambda: issubclass(type(async_client._client), openai.DefaultAsyncHttpxClient),
              lambda: issubclass(httpx.Client, httpx2.Client), lambda: issubclass(openai.DefaultHttpxClient, httpx2.AsyncClient),
              lambda: issubclass(openai.DefaultAsyncHttpxClient, (httpx.AsyncClient, httpx2.AsyncClient)),
              lambda: isinstance(httpx.Timeout(1), openai.Timeout), lambda: isinstance(sync_client.timeout, httpx2.Timeout),
              lambda: isinstance(httpx2.Limits(), httpx.Limits), lambda: isinstance(httpx.AsyncHTTPTransport(), httpx.HTTPTransport),
              lambda: isinstance(httpx.Client()._transport, httpx.HTTPTransport)]:
    print(check())
answer = pooled.get(os.environ["OPENAI_BASE_URL"] + "/models")
print(type(pooled.base_url), type(pooled.headers), type(answer.url), type(answer.headers), type(sync_client.base_url))
print(type(httpx.Client().base_url), type(httpx.get(os.environ["OPENAI_BASE_URL"] + "/models").headers))
