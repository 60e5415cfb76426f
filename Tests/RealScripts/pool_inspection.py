"""Peek at the connection pool behind the SDK to see what a burst did to it.

`client._client` is the httpx2 client, `._transport._pool` the httpcore2 pool.
Private attributes, but it is how people debug "how many sockets do I have?".
"""
import asyncio

from openai import AsyncOpenAI, DefaultAsyncHttpxClient
import httpx2


def describe(pool) -> str:
    states = sorted(type(c).__name__ for c in pool.connections)
    idle = sum(1 for c in pool.connections if c.is_idle())
    return f"{len(pool.connections)} connections ({idle} idle), classes={sorted(set(states))}"


async def main():
    client = AsyncOpenAI(
        http_client=DefaultAsyncHttpxClient(limits=httpx2.Limits(max_connections=4, max_keepalive_connections=2)),
        max_retries=0,
    )
    pool = client._client._transport._pool
    print("before:", describe(pool))
    await client.models.list()
    print("after one call:", describe(pool))
    await asyncio.gather(*(client.models.list() for _ in range(10)))
    print("after a burst of 10:", describe(pool))
    print("pool type:", type(pool).__name__, "| has connections attr:", hasattr(pool, "connections"))
    await client.close()
    print("after close:", describe(pool))


if __name__ == "__main__":
    asyncio.run(main())
