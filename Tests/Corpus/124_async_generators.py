# Async generators the way streaming client code writes them: a token stream, a batching helper over it,
# an asynccontextmanager around a session, and an early break that closes the stream.
import asyncio
from contextlib import asynccontextmanager


async def token_stream(text, delay=0.001):
    try:
        for word in text.split():
            await asyncio.sleep(delay)
            yield word
    finally:
        print("stream closed")


async def batched(source, size):
    batch = []
    async for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@asynccontextmanager
async def session(name):
    print("session open", name)
    try:
        yield {"name": name}
    finally:
        await asyncio.sleep(0)
        print("session closed", name)


async with session("s1") as s:
    async for batch in batched(token_stream("the quick brown fox jumps"), 2):
        print(s["name"], batch)

stream = token_stream("one two three")
print(await anext(stream), await stream.__anext__())
await stream.aclose()
print(await anext(stream, "exhausted"))

try:
    async with session("s2"):
        raise RuntimeError("request failed")
except RuntimeError as e:
    print("caught", e)

words = []
async for w in token_stream("a b c d"):
    words.append(w)
    if len(words) == 2:
        break
print(words)
await asyncio.sleep(0.01)
print("done")
