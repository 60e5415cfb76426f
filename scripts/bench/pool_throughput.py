# Benchmark body shared by `poolplay run` and CPython (through run_async.py).
# The same text runs in both: it uses only the PoolScript subset.
# BENCH_URL: the mock's /v1/models URL; BENCH_N: total requests; BENCH_C: connections (in flight).
import asyncio, httpx, os, time

url = os.environ["BENCH_URL"]
total = int(os.environ["BENCH_N"])
width = int(os.environ["BENCH_C"])
client = httpx.AsyncClient(limits=httpx.Limits(max_connections=width, max_keepalive_connections=width))
done = 0
failed = 0
start = time.perf_counter()
while done < total:
    responses = await asyncio.gather(*[client.get(url) for _ in range(width)])
    for r in responses:
        if r.status_code != 200:
            failed = failed + 1
    done = done + width
elapsed = time.perf_counter() - start
print("requests", done)
print("failed", failed)
print("elapsed", elapsed)
print("rps", done / elapsed)
