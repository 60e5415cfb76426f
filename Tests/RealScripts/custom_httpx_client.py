"""Passing a tuned HTTP client to the SDK: explicit Limits and Timeout.

openai 3.x sends through httpx2; `DefaultAsyncHttpxClient` keeps the SDK's defaults
(redirects, its 600 s timeout unless overridden) while letting you size the pool.
"""
import asyncio
import os

import httpx2
import openai
from openai import AsyncOpenAI, DefaultAsyncHttpxClient

LIMITS = httpx2.Limits(max_connections=3, max_keepalive_connections=3, keepalive_expiry=30)
TIMEOUT = httpx2.Timeout(10.0, connect=2.0, pool=5.0)


def build_client() -> AsyncOpenAI:
    http_client = DefaultAsyncHttpxClient(limits=LIMITS, timeout=TIMEOUT)
    return AsyncOpenAI(base_url=os.environ["OPENAI_BASE_URL"], http_client=http_client, max_retries=0)


async def main():
    client = build_client()
    print("limits:", LIMITS)
    print("timeout:", TIMEOUT)
    print("sdk timeout:", client.timeout)
    print("pool class:", type(client._client._transport._pool).__name__)

    async def one(i):
        r = await client.embeddings.create(model="text-embedding-3-small", input=f"text {i}")
        return len(r.data[0].embedding)

    dims = await asyncio.gather(*(one(i) for i in range(9)))
    print("dims:", set(dims), "count:", len(dims))
    pool = client._client._transport._pool
    print("connections after burst:", len(pool.connections), "<= 3:", len(pool.connections) <= 3)

    plain = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=1), timeout=httpx2.Timeout(3.0))
    other = AsyncOpenAI(http_client=plain, max_retries=0)
    models = await other.models.list()
    print("via plain httpx2 client:", [m.id for m in models.data][:2])
    print("isinstance openai.Timeout:", isinstance(TIMEOUT, openai.Timeout))
    await other.close()
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
