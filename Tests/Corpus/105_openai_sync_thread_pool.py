# The sync client fanned out over a ThreadPoolExecutor, the standard way before asyncio (and the case behind
# httpcore#1110): submit with as_completed, map, an exception carried by its future, and asyncio.to_thread
# around a sync call inside async code.
import asyncio
from concurrent.futures import ThreadPoolExecutor, as_completed
import openai
from openai import OpenAI

client = OpenAI(max_retries=0)
broken = OpenAI(max_retries=0, default_headers={"x-poolplay-fault": "500"})

def complete(i):
    api = broken if i == 3 else client
    r = api.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"hi {i}"}])
    return i, r.usage.total_tokens > 0

with ThreadPoolExecutor(max_workers=4) as pool:
    futures = {pool.submit(complete, i): i for i in range(6)}
    ok, failed = [], []
    for future in as_completed(futures):
        try:
            ok.append(future.result())
        except openai.APIStatusError as e:
            failed.append((futures[future], e.status_code))
print(sorted(ok), failed)

with ThreadPoolExecutor(max_workers=2) as pool:
    ids = list(pool.map(lambda _: client.models.list().data[0].id, range(4)))
print(ids)

def count_models():
    return len(client.models.list().data)
print(await asyncio.to_thread(count_models) > 0)
