"""Measure sequential vs concurrent wall time with time.perf_counter.

Only robust comparisons are printed (the absolute numbers vary from run to run).
Each request takes ~100 ms at the mock (x-poolplay-latency).
"""
import asyncio
import time

from openai import AsyncOpenAI

LATENCY = {"x-poolplay-latency": "100ms"}
N = 5


async def one(client, i):
    r = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": f"t{i}"}], extra_headers=LATENCY
    )
    return r.choices[0].message.content


async def main():
    client = AsyncOpenAI(max_retries=0)
    t0 = time.perf_counter()
    sequential = [await one(client, i) for i in range(N)]
    t_seq = time.perf_counter() - t0

    t0 = time.perf_counter()
    concurrent = await asyncio.gather(*(one(client, i) for i in range(N)))
    t_con = time.perf_counter() - t0

    print(sequential == concurrent, sequential)
    print("sequential took at least N x latency:", t_seq >= N * 0.1 * 0.9)
    print("concurrent was faster:", t_con < t_seq)
    print("speed-up above 2x:", t_seq / t_con > 2)
    print(f"monotonic: {time.monotonic() > 0}, perf_counter type: {type(t0).__name__}")
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
