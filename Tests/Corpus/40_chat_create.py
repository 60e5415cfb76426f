# chat.completions.create: pydantic-style reprs and attribute access on the response.
from openai import AsyncOpenAI
client = AsyncOpenAI()
r = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hi"}])
print(type(r).__name__, r.object, r.model)
print(r.choices[0].message.content)
print(r.choices[0].message.role, r.choices[0].finish_reason, r.choices[0].index)
print(r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens)
print(r.choices[0].message)
print(r.usage)
print(r.id.startswith("chatcmpl-"))
print(r)
