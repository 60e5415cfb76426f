# No encoding_format: the SDK asks for base64 and decodes float32 back to floats.
from openai import AsyncOpenAI

client = AsyncOpenAI()
r = await client.embeddings.create(model="text-embedding-3-small", input="hello pool")
print(r)
print(type(r.data[0].embedding).__name__, len(r.data[0].embedding))
print(r.data[0].embedding[:3])
print(r.usage)
print(r.usage.total_tokens, r.model, r.object)
await client.close()
