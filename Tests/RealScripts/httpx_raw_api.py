"""Calling the REST API directly with httpx2, no SDK: headers, JSON body, raise_for_status."""
import asyncio
import json
import os

import httpx2

BASE_URL = os.environ["OPENAI_BASE_URL"].rstrip("/")
HEADERS = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}", "Content-Type": "application/json"}


async def chat(client: httpx2.AsyncClient, content: str) -> dict:
    response = await client.post(
        "/chat/completions",
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": content}]},
    )
    response.raise_for_status()
    return response.json()


async def main():
    limits = httpx2.Limits(max_connections=2, max_keepalive_connections=2)
    async with httpx2.AsyncClient(base_url=BASE_URL, headers=HEADERS, limits=limits, timeout=10.0) as client:
        bodies = await asyncio.gather(*(chat(client, f"raw {i}") for i in range(4)))
        for body in bodies:
            print(body["object"], body["choices"][0]["message"]["content"], body["usage"]["total_tokens"])

        r = await client.get("/models")
        print(r.status_code, r.headers["content-type"], len(r.json()["data"]) > 0)

        r = await client.get("/models", headers={"x-poolplay-fault": "404"})
        try:
            r.raise_for_status()
        except httpx2.HTTPStatusError as exc:
            print("HTTPStatusError:", exc.response.status_code, exc.request.method, exc.request.url.path)
            print(json.dumps(exc.response.json()["error"]["code"]))


if __name__ == "__main__":
    asyncio.run(main())
