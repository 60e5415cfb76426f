# Per-call options of openai resource methods: extra_headers reach the server (here: a fault header asking
# for a 429), extra_body and extra_query are merged in, a per-call timeout is accepted; chat.create without
# messages fails with the SDK's required-arguments message; stream=True retries a 503 like a plain call.
import openai
from openai import AsyncOpenAI
c = AsyncOpenAI(max_retries=0)
try:
    await c.models.list(extra_headers={"x-poolplay-fault": "429"})
    print("no error")
except openai.RateLimitError as e:
    print("429", e.status_code)
try:
    await c.chat.completions.create(model="gpt-4o-mini")
except TypeError as e:
    print("TypeError", e)
r = await c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}],
                                    extra_body={"user": "u1"}, extra_query={"a": "b c"}, timeout=30)
print(r.choices[0].message.content)
c2 = AsyncOpenAI(max_retries=1)
try:
    await c2.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}],
                                     stream=True, extra_headers={"x-poolplay-fault": "503"})
except openai.APIStatusError as e:
    print(type(e).__name__, e)
s = await c2.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "yo"}], stream=True)
async for chunk in s:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="")
print()
