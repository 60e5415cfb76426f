"""Graceful shutdown: a poller loops until an asyncio.Event is set, then finishes its
current request and exits; a watchdog sets the event after a few polls."""
import asyncio

from openai import AsyncOpenAI


class Poller:
    def __init__(self, client: AsyncOpenAI, stop: asyncio.Event):
        self.client = client
        self.stop = stop
        self.polls = 0

    async def run(self) -> int:
        while not self.stop.is_set():
            page = await self.client.models.list()
            self.polls += 1
            if self.polls == 1:
                print("first poll saw", len(page.data), "models")
            try:
                await asyncio.wait_for(self.stop.wait(), timeout=0.01)
            except asyncio.TimeoutError:
                pass
        return self.polls


async def watchdog(poller: Poller, stop: asyncio.Event, after: int) -> None:
    while poller.polls < after:
        await asyncio.sleep(0.005)
    print("watchdog: stopping")
    stop.set()


async def main():
    stop = asyncio.Event()
    async with AsyncOpenAI() as client:
        poller = Poller(client, stop)
        polls, _ = await asyncio.gather(poller.run(), watchdog(poller, stop, after=3))
    print("stopped after at least 3 polls:", polls >= 3, "| event set:", stop.is_set())


if __name__ == "__main__":
    asyncio.run(main())
