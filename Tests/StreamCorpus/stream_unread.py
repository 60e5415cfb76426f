# A streamed response closed before its body was read closes its connection; reading before
# aread() raises ResponseNotRead (a StreamError).
import asyncio
import os

import httpx


async def main():
    base = os.environ["OPENAI_BASE_URL"]
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", base + "/models") as r:
            try:
                r.text
            except httpx.StreamError as e:
                print(type(e).__name__, e)
            print(client._transport._pool)
        print(r.is_closed, client._transport._pool)
        async with client.stream("GET", base + "/models") as r:
            data = await r.aread()
            print(r.json()["object"], len(data) > 0, r.is_closed)
        print(client._transport._pool)


asyncio.run(main())
