# Errors crossing a `with` block: the client is closed on the way out, the error keeps going;
# a bare raise with nothing to re-raise; errors from inside gathered coroutines keep their type.
import asyncio
import httpx
client = httpx.AsyncClient()
try:
    async with client:
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, client.is_closed)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
async def bad(i):
    await asyncio.sleep(0)
    return [1, 2][i]
out = await asyncio.gather(bad(0), bad(5), return_exceptions=True)
print(out[0], type(out[1]).__name__, out[1])
def outer():
    try:
        return inner()
    finally:
        print("outer finally")
def inner():
    raise KeyError("deep")
with httpx.Client() as sync_client:
    outer()
