# except* and ExceptionGroup as fan-out code uses them: collecting task failures into a group, handling
# each kind once, re-raising what no handler took, and an uncaught group's boxed traceback.
import asyncio
class RetryableError(Exception):
    def __init__(self, request_id):
        super().__init__(f"request {request_id} can be retried")
        self.request_id = request_id
async def request(i):
    await asyncio.sleep(0.01 * i)
    if i % 3 == 0:
        raise RetryableError(i)
    if i == 4:
        raise ValueError(f"bad payload {i}")
    return i * 10
async def fan_out(n):
    results = await asyncio.gather(*[request(i) for i in range(n)], return_exceptions=True)
    errors = [r for r in results if isinstance(r, Exception)]
    if errors:
        raise ExceptionGroup(f"{len(errors)} of {n} requests failed", errors)
    return results
try:
    await fan_out(6)
except* RetryableError as group:
    print("retry:", sorted(e.request_id for e in group.exceptions) if False else sorted([e.request_id for e in group.exceptions]))
except* ValueError as group:
    print("invalid:", [str(e) for e in group.exceptions], group.message)
print(await fan_out(3) if False else "next")
eg = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [TypeError("t"), ValueError("v")])])
print(repr(eg), str(eg), len(eg.exceptions))
try:
    try:
        raise eg
    except* ValueError as g:
        print("values:", repr(g))
except ExceptionGroup as rest:
    print("rest:", repr(rest))
try:
    raise TimeoutError("naked")
except* TimeoutError as g:
    print("wrapped:", repr(g), type(g).__name__)
try:
    try:
        raise ExceptionGroup("x", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise RuntimeError("cleanup failed")
except ExceptionGroup as combined:
    print("combined:", repr(combined))
for bad in ([], [1], "text"):
    try:
        ExceptionGroup("m", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
await fan_out(5)
