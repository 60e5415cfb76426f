# with_options copies the client but shares its HTTP client (and so its pool).
from openai import AsyncOpenAI
client = AsyncOpenAI(max_retries=1)
print(client.max_retries, client.timeout)
# NOTE: timeout=5.0 would read back as 5.0 in the SDK (PoolPlay: Timeout(timeout=5.0)), hence a Timeout.
import httpx2
faster = client.with_options(timeout=httpx2.Timeout(5.0), max_retries=0)
print(faster.max_retries, faster.timeout)
print(faster._client is client._client, faster is client)
print(client.max_retries)
copied = client.copy(max_retries=3)
print(copied.max_retries, copied._client is client._client)
