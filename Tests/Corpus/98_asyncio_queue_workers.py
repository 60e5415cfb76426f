# A worker pool over asyncio.Queue, as in the openai cookbook's parallel processor: producers put, workers
# get and task_done, join waits for everything, then the workers are cancelled. Plus Event, Condition,
# Lock and BoundedSemaphore.
import asyncio

queue = asyncio.Queue(maxsize=3)
results = []

async def worker(name):
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(0.001 * (item % 3))
            results.append((name, item * item))
        finally:
            queue.task_done()

workers = [asyncio.create_task(worker(f"w{i}")) for i in range(3)]
for item in range(10):
    await queue.put(item)
print("all queued; at most", queue.maxsize, "waiting at a time")
await queue.join()
for w in workers:
    w.cancel()
await asyncio.gather(*workers, return_exceptions=True)
print(sorted(r for _, r in results), queue.empty(), all(w.cancelled() for w in workers))

q = asyncio.Queue(1)
q.put_nowait("a")
try:
    q.put_nowait("b")
except asyncio.QueueFull:
    print("QueueFull", q)
print(q.get_nowait())
try:
    q.get_nowait()
except asyncio.QueueEmpty:
    print("QueueEmpty")
try:
    q.task_done()
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

pq = asyncio.PriorityQueue()
for priority, name in [(3, "low"), (1, "high"), (2, "mid")]:
    pq.put_nowait((priority, name))
print([pq.get_nowait()[1] for _ in range(3)])
lq = asyncio.LifoQueue()
for x in "abc":
    lq.put_nowait(x)
print([lq.get_nowait() for _ in range(3)])

ready = asyncio.Event()
async def waiter(i):
    await ready.wait()
    return i
waiting = [asyncio.create_task(waiter(i)) for i in range(3)]
await asyncio.sleep(0)
print("event set?", ready.is_set())
ready.set()
print(await asyncio.gather(*waiting), ready.is_set())

lock = asyncio.Lock()
log = []
async def critical(i):
    async with lock:
        log.append(f"enter {i}")
        await asyncio.sleep(0.001)
        log.append(f"exit {i}")
await asyncio.gather(*(critical(i) for i in range(3)))
print(log)

cond = asyncio.Condition()
items = []
async def consumer():
    async with cond:
        await cond.wait_for(lambda: len(items) >= 2)
        return list(items)
c = asyncio.create_task(consumer())
for x in (1, 2):
    await asyncio.sleep(0)
    async with cond:
        items.append(x)
        cond.notify_all()
print("condition:", await c)

sem = asyncio.BoundedSemaphore(2)
gauge = {"active": 0, "peak": 0}
async def limited():
    async with sem:
        gauge["active"] += 1
        gauge["peak"] = max(gauge["peak"], gauge["active"])
        await asyncio.sleep(0.001)
        gauge["active"] -= 1
await asyncio.gather(*(limited() for _ in range(6)))
print("peak", gauge["peak"], sem.locked())
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
