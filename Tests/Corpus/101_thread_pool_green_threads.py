# The standard way to fan out sync work: concurrent.futures.ThreadPoolExecutor with submit / map /
# as_completed / wait, time.sleep inside the workers, exceptions carried by futures, and asyncio.to_thread.
import time
import asyncio
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
import concurrent.futures

def fetch(n):
    time.sleep(0.01 * (4 - n))
    if n == 2:
        raise ConnectionError(f"request {n} failed")
    return {"id": n, "tokens": n * 10}

with ThreadPoolExecutor(max_workers=4) as pool:
    futures = {pool.submit(fetch, n): n for n in range(5)}
    ok, failed = [], []
    for future in as_completed(futures):
        n = futures[future]
        try:
            ok.append(future.result()["id"])
        except ConnectionError as e:
            failed.append(str(e))
print(sorted(ok), failed)

with ThreadPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(lambda x: x * x, range(5))))

pool = ThreadPoolExecutor(max_workers=1)
first = pool.submit(time.sleep, 0.02)
second = pool.submit(fetch, 1)
print("cancel queued:", second.cancel(), second.cancelled(), second.done())
done, not_done = wait([first], timeout=1)
print(len(done), len(not_done), first.result())
try:
    second.result()
except concurrent.futures.CancelledError:
    print("CancelledError")
third = pool.submit(fetch, 2)
print(type(third.exception()).__name__, third.done())
seen = []
fourth = pool.submit(fetch, 3)
fourth.add_done_callback(lambda f: seen.append(f.result()["tokens"]))
done, _ = wait([fourth, pool.submit(fetch, 0)], return_when=FIRST_COMPLETED)
print(len(done) >= 1)
pool.shutdown(wait=True)
print(seen)
try:
    pool.submit(fetch, 0)
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)

async def both():
    return await asyncio.gather(asyncio.to_thread(fetch, 1), asyncio.to_thread(fetch, 3), asyncio.sleep(0.01, "slept"))
print(await both())

