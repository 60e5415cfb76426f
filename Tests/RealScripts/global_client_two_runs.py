"""A module-level AsyncOpenAI shared by two asyncio.run() calls (openai-python#874, Q6).

The first run leaves an idle keep-alive connection bound to the first event loop. The
second run's request tries to reuse it, and the connection cannot be closed on a loop
that is already closed.
"""
import asyncio

from openai import AsyncOpenAI

client = AsyncOpenAI(max_retries=0)


async def count_models() -> int:
    page = await client.models.list()
    return len(page.data)


def main():
    print("first run:", asyncio.run(count_models()) > 0)
    try:
        print("second run:", asyncio.run(count_models()) > 0)
    except RuntimeError as exc:
        print("second run failed:", exc)


if __name__ == "__main__":
    main()
