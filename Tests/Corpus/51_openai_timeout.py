# A read timeout: the mock holds the response 2 s, the client waits 0.2 s, no retries.
import httpx2
import openai
from openai import AsyncOpenAI
client = AsyncOpenAI(max_retries=0, timeout=httpx2.Timeout(0.2), default_headers={"x-poolplay-latency": "2s"})
try:
    await client.models.list()
except openai.APITimeoutError as e:
    print(type(e).__name__, e, isinstance(e, openai.APIConnectionError))
async with httpx2.AsyncClient(timeout=0.2) as raw:
    try:
        await raw.get(str(client.base_url) + "models", headers={"x-poolplay-latency": "2s"})
    except httpx2.TimeoutException as e:
        print(type(e).__name__, isinstance(e, httpx2.ReadTimeout))
