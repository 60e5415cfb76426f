# pydantic-style dumps of response objects: model_dump (all fields), to_dict (only what the API sent),
# model_dump_json (compact), to_json (indented), and attribute errors.
from openai import AsyncOpenAI
client = AsyncOpenAI()
r = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
d = r.model_dump()
print(type(d).__name__, sorted(d.keys()))
print(r.choices[0].message.model_dump())
print(r.usage.to_dict())
print(r.usage.model_dump_json())
m = (await client.models.list()).data[0]
print(m)
print(m.model_dump())
print(m.created > 0, type(m.created).__name__)
print(r.choices[0].message.content == "hi", r.choices[0].logprobs)
print(getattr(r, "id")[:9], hasattr(r, "nope"))
try:
    r.nope
except AttributeError as e:
    print(type(e).__name__, e)
print(r.usage.to_json())
print(m.to_json(indent=None), r.choices[0].model_dump(exclude_none=True))
print(r.choices[0].message.to_dict(), m.model_dump_json(indent=1))
