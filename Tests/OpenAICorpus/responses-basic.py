# responses.create: the Response object, output_text and usage.
from openai import AsyncOpenAI

client = AsyncOpenAI()
r = await client.responses.create(model="gpt-4o-mini", input="Say hi to the pool", instructions="Be brief.")
print(r.output_text)
print(r.output[0].content[0].text)
print(r.output[0])
print(r.usage)
print(r.usage.total_tokens, r.status, r.model, r.object)
print(r.created_at > 0)
print(r)
