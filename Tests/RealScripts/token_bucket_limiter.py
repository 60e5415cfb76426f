"""Client-side rate limiting with a token bucket (requests per second), as in the cookbook's
parallel processor: each call takes a token; when the bucket is empty the caller sleeps."""
import asyncio
import time

from openai import AsyncOpenAI


class TokenBucket:
    def __init__(self, rate: float, capacity: int):
        self.rate = rate
        self.capacity = capacity
        self.tokens = float(capacity)
        self.updated = time.monotonic()
        self.lock = asyncio.Lock()
        self.waits = 0

    def _refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    async def acquire(self) -> None:
        async with self.lock:
            while True:
                self._refill()
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                self.waits += 1
                await asyncio.sleep((1 - self.tokens) / self.rate)


async def main():
    bucket = TokenBucket(rate=50, capacity=3)
    client = AsyncOpenAI()

    async def limited(i):
        await bucket.acquire()
        r = await client.models.list()
        return i, len(r.data) > 0

    start = time.monotonic()
    results = await asyncio.gather(*(limited(i) for i in range(8)))
    elapsed = time.monotonic() - start
    print(results)
    print("had to wait:", bucket.waits > 0)
    print("took at least (8-3)/50 s:", elapsed >= (8 - 3) / 50 * 0.9)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
