# A producer/consumer pipeline over asyncio.Queue feeding the API, as in the openai cookbook's
# api_request_parallel_processor: workers take jobs, retry a failed one with seeded jitter, log to stderr,
# and record results; join() ends the run and the workers are cancelled.
import asyncio
import logging
import random
from collections import defaultdict
import openai
from openai import AsyncOpenAI

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
log = logging.getLogger("pipeline")
rng = random.Random(42)

client = AsyncOpenAI(max_retries=0)
flaky = AsyncOpenAI(max_retries=0, default_headers={"x-poolplay-fault": "429"})
jobs = asyncio.Queue()
results = defaultdict(list)
attempts = {}

async def worker(name):
    while True:
        job = await jobs.get()
        try:
            attempts[job] = attempts.get(job, 0) + 1
            api = flaky if job % 4 == 0 and attempts[job] == 1 else client
            try:
                r = await api.embeddings.create(model="text-embedding-3-small", input=f"job {job}")
                results[name].append((job, len(r.data[0].embedding) > 0))
            except openai.RateLimitError as e:
                delay = round(0.001 * (1 + rng.random()), 4)
                log.warning("rate limited (%d); retrying", e.status_code)
                await asyncio.sleep(delay)
                jobs.put_nowait(job)
        finally:
            jobs.task_done()

for job in range(10):
    jobs.put_nowait(job)
workers = [asyncio.create_task(worker(f"w{i}")) for i in range(3)]
await jobs.join()
for w in workers:
    w.cancel()
outcomes = await asyncio.gather(*workers, return_exceptions=True)
print([type(o).__name__ for o in outcomes])
done = sorted(job for items in results.values() for job, ok in items if ok)
print(done, sorted(job for job, n in attempts.items() if n > 1))
print(sum(len(v) for v in results.values()), jobs.empty(), jobs.qsize())
