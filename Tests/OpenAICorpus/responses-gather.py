# Many responses at once through one client, then with_options sharing the same _client.
import asyncio
import httpx2
from openai import AsyncOpenAI

client = AsyncOpenAI(http_client=httpx2.AsyncClient(limits=httpx2.Limits(max_connections=3)))
texts = [f"item {i}" for i in range(6)]
results = await asyncio.gather(*[client.responses.create(model="gpt-4o-mini", input=t) for t in texts])
print([r.output_text for r in results])
fast = client.with_options(max_retries=0, timeout=5)
print(fast.max_retries, fast.timeout, fast._client is client._client)
r = await fast.embeddings.create(model="text-embedding-3-small", input=texts, dimensions=3)
print(len(r.data), [len(e.embedding) for e in r.data])
async with client:
    r = await client.responses.create(model="gpt-4o-mini", input=[{"role": "user", "content": "from a message"}])
    print(r.output_text)
print(client.is_closed())
