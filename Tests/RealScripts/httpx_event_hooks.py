"""Request/response logging through httpx event hooks on the client handed to the SDK,
plus a transport with connect retries."""
import asyncio

import httpx2
from openai import AsyncOpenAI

seen = []


async def log_request(request: httpx2.Request) -> None:
    seen.append(("->", request.method, request.url.path))


async def log_response(response: httpx2.Response) -> None:
    seen.append(("<-", response.status_code, response.request.url.path))


async def main():
    http_client = httpx2.AsyncClient(
        transport=httpx2.AsyncHTTPTransport(retries=2, limits=httpx2.Limits(max_connections=2)),
        event_hooks={"request": [log_request], "response": [log_response]},
        timeout=httpx2.Timeout(10.0),
    )
    client = AsyncOpenAI(http_client=http_client, max_retries=0)
    await client.models.list()
    await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hook me"}])
    for entry in seen:
        print(*entry)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
