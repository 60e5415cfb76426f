"""The anti-pattern and the fix: a new client per request vs one shared client.

Counts connections by looking at each client's pool after its work.
"""
import asyncio

from openai import AsyncOpenAI


async def per_request(n: int) -> int:
    opened = 0
    for i in range(n):
        async with AsyncOpenAI() as client:   # new pool, new TCP connection, every time
            await client.models.list()
            opened += len(client._client._transport._pool.connections)
    return opened


async def shared(n: int) -> int:
    async with AsyncOpenAI() as client:
        for i in range(n):
            await client.models.list()
        return len(client._client._transport._pool.connections)


async def main():
    print("client per request, connections used:", await per_request(5))
    print("shared client, connections used:", await shared(5))


if __name__ == "__main__":
    asyncio.run(main())
