# Fan-out the way the cookbook's batch scripts do it with Python 3.11: a semaphore caps concurrency, a
# TaskGroup owns the requests, a deadline guards the batch, results are gathered into dataclasses and counted,
# and the run is summarised as JSON. Failures (x-poolplay-fault) land in an ExceptionGroup handled with except*.
import asyncio
import json
from collections import Counter
from dataclasses import dataclass, asdict
import openai
from openai import AsyncOpenAI

@dataclass
class Answer:
    index: int
    model: str
    content: str
    tokens: int

client = AsyncOpenAI(max_retries=0)
limit = asyncio.Semaphore(3)
in_flight = {"now": 0, "peak": 0}

async def ask(i, prompt):
    async with limit:
        in_flight["now"] += 1
        in_flight["peak"] = max(in_flight["peak"], in_flight["now"])
        try:
            r = await client.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
        finally:
            in_flight["now"] -= 1
    return Answer(i, r.model, r.choices[0].message.content[:12], r.usage.total_tokens)

async with asyncio.timeout(30):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(ask(i, f"question {i}")) for i in range(8)]
answers = [t.result() for t in tasks]
print(len(answers), "answers; peak in flight", in_flight["peak"])
print(sorted(Counter(a.model for a in answers).items()))
print(json.dumps(asdict(answers[0]), sort_keys=True)[:40])
print(all(a.tokens > 0 for a in answers), [a.index for a in answers])

failing = AsyncOpenAI(max_retries=0, default_headers={"x-poolplay-fault": "503"})
async def doomed(i):
    await failing.models.list()
try:
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(doomed(i))
except* openai.InternalServerError as group:
    # How many of the three fail before the first failure cancels the rest depends on arrival timing.
    print("server errors:", len(group.exceptions) >= 1, sorted({e.status_code for e in group.exceptions}))
except* openai.APIConnectionError:
    print("connection errors")

done, pending = await asyncio.wait(
    [asyncio.create_task(ask(i, "wait")) for i in range(4)], return_when=asyncio.ALL_COMPLETED)
print(len(done), len(pending), sorted(t.result().index for t in done))
