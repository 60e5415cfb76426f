"""Micro-benchmark: N calls at a given concurrency, then latency percentiles with the
statistics module. Prints only what is stable from run to run."""
import asyncio
import statistics
import time

from openai import AsyncOpenAI

N = 20
CONCURRENCY = 5
LATENCY = {"x-poolplay-latency": "30ms"}


async def timed(client: AsyncOpenAI, sem: asyncio.Semaphore) -> float:
    async with sem:
        start = time.perf_counter()
        await client.models.list(extra_headers=LATENCY)
        return time.perf_counter() - start


async def main():
    client = AsyncOpenAI(max_retries=0)
    sem = asyncio.Semaphore(CONCURRENCY)
    wall = time.perf_counter()
    latencies = await asyncio.gather(*(timed(client, sem) for _ in range(N)))
    wall = time.perf_counter() - wall
    p50 = statistics.median(latencies)
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print("samples:", len(latencies))
    print("every call took at least the server latency:", min(latencies) >= 0.03 * 0.9)
    print("p50 <= p95 <= max:", p50 <= p95 <= max(latencies))
    print("mean is positive:", statistics.mean(latencies) > 0, "| stdev >= 0:", statistics.pstdev(latencies) >= 0)
    print("wall time at least N/CONCURRENCY x latency:", wall >= (N / CONCURRENCY) * 0.03 * 0.9)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
