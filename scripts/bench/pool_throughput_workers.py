# Benchmark body (worker mode) shared by `poolplay run` and CPython (through run_async.py): BENCH_W workers
# share one AsyncClient with Limits(BENCH_C, BENCH_C), each awaiting its requests one after another, until
# BENCH_N requests are done. The same text runs in both; for httpx2 the runner swaps the import line.
import asyncio, httpx, os, time

url = os.environ["BENCH_URL"]
total = int(os.environ["BENCH_N"])
width = int(os.environ["BENCH_C"])
workers = int(os.environ["BENCH_W"])
client = httpx.AsyncClient(limits=httpx.Limits(max_connections=width, max_keepalive_connections=width))
counts = {"next": 0, "failed": 0}


async def worker():
    while counts["next"] < total:
        counts["next"] = counts["next"] + 1
        r = await client.get(url)
        if r.status_code != 200:
            counts["failed"] = counts["failed"] + 1


start = time.perf_counter()
await asyncio.gather(*[worker() for _ in range(workers)])
elapsed = time.perf_counter() - start
print("requests", counts["next"])
print("failed", counts["failed"])
print("elapsed", elapsed)
print("rps", counts["next"] / elapsed)
