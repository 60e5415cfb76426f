"""Wrap a streamed completion in an async generator that yields plain text, the shape
web frameworks want for server-sent events (`StreamingResponse(gen())`)."""
import asyncio
from contextlib import aclosing
from typing import AsyncIterator

from openai import AsyncOpenAI

client = AsyncOpenAI()


async def token_stream(prompt: str) -> AsyncIterator[str]:
    stream = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], stream=True
    )
    async with stream:  # releases the connection even if the consumer stops early
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                yield chunk.choices[0].delta.content


async def sse(prompt: str) -> AsyncIterator[str]:
    async for token in token_stream(prompt):
        yield f"data: {token.strip()}\n\n"
    yield "data: [DONE]\n\n"


async def main():
    events = [event async for event in sse("generators wrap streams nicely")]
    print("".join(events), end="")
    print("events:", len(events))
    words = []
    # aclosing() closes the generator (and with it the stream) when we break out early
    async with aclosing(token_stream("stop after two words please")) as tokens:
        async for token in tokens:
            words.append(token)
            if len(words) == 2:
                break
    print(words)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
