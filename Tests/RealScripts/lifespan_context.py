"""A FastAPI-style lifespan, without FastAPI.

The app owns one AsyncOpenAI client for its whole life: created on startup, shared by
every "request handler", closed on shutdown. `@asynccontextmanager` turns the generator
into the `async with` that a framework would call.
"""
import asyncio
from contextlib import asynccontextmanager

from openai import AsyncOpenAI


class App:
    def __init__(self, lifespan):
        self.lifespan = lifespan
        self.state = {}


@asynccontextmanager
async def lifespan(app: App):
    print("startup: creating client")
    app.state["client"] = AsyncOpenAI(max_retries=1)
    try:
        yield
    finally:
        await app.state["client"].close()
        print("shutdown: client closed:", app.state["client"].is_closed())


async def handle_chat(app: App, prompt: str) -> dict:
    client: AsyncOpenAI = app.state["client"]
    reply = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]
    )
    return {"prompt": prompt, "answer": reply.choices[0].message.content}


async def serve(app: App, requests: list[str]) -> None:
    async with app.lifespan(app):
        responses = await asyncio.gather(*(handle_chat(app, r) for r in requests))
        for response in responses:
            print(response)


if __name__ == "__main__":
    app = App(lifespan=lifespan)
    asyncio.run(serve(app, ["GET /a", "GET /b", "GET /c"]))
