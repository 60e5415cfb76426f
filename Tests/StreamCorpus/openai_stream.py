# openai chat.completions.create(stream=True): an AsyncStream of ChatCompletionChunk that holds its
# connection until [DONE]; a stream closed early closes its connection.
import asyncio

import httpx
from openai import AsyncOpenAI


async def main():
    http_client = httpx.AsyncClient(limits=httpx.Limits(max_connections=3))
    client = AsyncOpenAI(http_client=http_client)
    pool = http_client._transport._pool
    messages = [{"role": "user", "content": "Say hello"}]
    stream = await client.chat.completions.create(
        model="gpt-4o-mini", messages=messages, stream=True, stream_options={"include_usage": True}
    )
    print(type(stream).__name__)
    print(pool)
    text = ""
    usage = None
    async for chunk in stream:
        print(type(chunk).__name__, chunk.object)
        if chunk.choices and chunk.choices[0].delta.content:
            text += chunk.choices[0].delta.content
        if chunk.usage is not None:
            usage = chunk.usage.total_tokens
    print(len(text) > 0, usage is not None)
    print(pool)
    async with await client.chat.completions.create(model="gpt-4o-mini", messages=messages, stream=True) as s:
        print(pool)
    print(pool)
    await client.close()


asyncio.run(main())
