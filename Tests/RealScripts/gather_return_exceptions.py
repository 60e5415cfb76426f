"""Fire a batch with gather(return_exceptions=True) and triage the outcomes afterwards,
instead of letting the first failure cancel everything."""
import asyncio
from collections import Counter, defaultdict

import openai
from openai import AsyncOpenAI

FAULTS = {2: "429", 5: "500", 7: "404", 8: "400"}


async def call(client: AsyncOpenAI, i: int):
    headers = {"x-poolplay-fault": FAULTS[i]} if i in FAULTS else None
    r = await client.embeddings.create(model="text-embedding-3-small", input=f"item {i}", extra_headers=headers)
    return len(r.data[0].embedding)


async def main():
    client = AsyncOpenAI(max_retries=0)
    outcomes = await asyncio.gather(*(call(client, i) for i in range(10)), return_exceptions=True)
    kinds = Counter(type(o).__name__ for o in outcomes)
    print(sorted(kinds.items()))
    by_status = defaultdict(list)
    for i, outcome in enumerate(outcomes):
        if isinstance(outcome, openai.APIStatusError):
            by_status[outcome.status_code].append(i)
    print(dict(sorted(by_status.items())))
    retryable = [i for i, o in enumerate(outcomes) if isinstance(o, (openai.RateLimitError, openai.InternalServerError))]
    print("retry these:", retryable)
    ok = [o for o in outcomes if not isinstance(o, BaseException)]
    print("ok:", len(ok), "dims:", set(ok))
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
