"""A module-level client created lazily and shared everywhere (the "don't make a client per
request" fix). Two flavours: a `global` with a lock, and functools.lru_cache."""
import asyncio
import functools
import threading

from openai import AsyncOpenAI, OpenAI

_client = None
_lock = threading.Lock()
created = 0


def get_client() -> OpenAI:
    global _client, created
    if _client is None:
        with _lock:
            if _client is None:
                _client = OpenAI()
                created += 1
    return _client


@functools.lru_cache(maxsize=None)
def get_async_client() -> AsyncOpenAI:
    print("building async client once")
    return AsyncOpenAI()


def ask(prompt):
    return get_client().chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]
    ).choices[0].message.content


async def ask_async(prompt):
    reply = await get_async_client().chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]
    )
    return reply.choices[0].message.content


async def amain():
    answers = await asyncio.gather(*(ask_async(f"async {i}") for i in range(4)))
    print(answers)
    print(get_async_client.cache_info())


if __name__ == "__main__":
    for i in range(3):
        print(ask(f"sync {i}"))
    print("clients created:", created, get_client() is get_client())
    asyncio.run(amain())
