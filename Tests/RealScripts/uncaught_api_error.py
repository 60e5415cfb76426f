# A script that dies on an unhandled API error: the traceback goes to stderr, the exit code is 1.
import asyncio

from openai import AsyncOpenAI


async def main():
    client = AsyncOpenAI(max_retries=0)
    first = await client.models.list()
    print("first call ok:", len(first.data) > 0)
    print("second call is about to fail")
    await client.models.list(extra_headers={"x-poolplay-fault": "401"})
    print("never printed")


if __name__ == "__main__":
    asyncio.run(main())
