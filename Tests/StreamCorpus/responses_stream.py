# responses.create(stream=True): typed events, the connection held until the body ends, then pooled; a sync
# stream iterated lazily (the loop body runs between reads) and broken off early keeps its connection busy.
import asyncio

import httpx
import httpx2
from openai import AsyncOpenAI, OpenAI


async def main():
    http_client = httpx.AsyncClient(limits=httpx.Limits(max_connections=2))
    client = AsyncOpenAI(http_client=http_client)
    pool = http_client._transport._pool
    stream = await client.responses.create(model="gpt-4o-mini", input="Say hello", stream=True)
    print(type(stream).__name__, pool)
    kinds = []
    text = ""
    async for event in stream:
        kinds.append(type(event).__name__)
        if event.type == "response.output_text.delta":
            text += event.delta
        if event.type == "response.completed":
            print(event.response.status, event.response.output_text == text, event.sequence_number == len(kinds) - 1)
    print(kinds[0], kinds[1], kinds[-1], "ResponseTextDeltaEvent" in kinds)
    print(pool)
    await client.close()


asyncio.run(main())
sync_http = httpx2.Client()
sync_client = OpenAI(http_client=sync_http)
events = sync_client.responses.create(model="gpt-4o-mini", input="Say hello", stream=True)
for event in events:
    print(event.type, sync_http._transport._pool)
    if event.type == "response.in_progress":
        break
print(sync_http._transport._pool)
events.close()
print(sync_http._transport._pool)
