# httpx AsyncClient.stream: the request stays active until the body is read to its end; then the
# connection is idle and reused.
import asyncio
import os

import httpx


async def main():
    base = os.environ["OPENAI_BASE_URL"]
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "stream": True}
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=2)) as client:
        async with client.stream("POST", base + "/chat/completions", json=body) as r:
            print(r.status_code, r.is_closed, r.is_stream_consumed)
            print(client._transport._pool)
            events = 0
            done = False
            async for line in r.aiter_lines():
                if line.startswith("data: "):
                    events += 1
                    done = line == "data: [DONE]"
            print(events > 2, done, r.is_closed, r.is_stream_consumed)
        print(client._transport._pool)
        r = await client.get(base + "/models")
        print(r.status_code, client._transport._pool)


asyncio.run(main())
