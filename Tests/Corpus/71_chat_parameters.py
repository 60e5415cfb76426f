# Chat parameters the mock honours and what comes back: several choices, max_tokens, the SDK version.
import openai
from openai import AsyncOpenAI
print(openai.__version__, openai.DEFAULT_MAX_RETRIES)
client = AsyncOpenAI()
r = await client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "system", "content": "be brief"}, {"role": "user", "content": "one two three four"}],
    n=2, temperature=0.5, max_tokens=3, user="corpus",
)
print(len(r.choices), [c.index for c in r.choices], [c.finish_reason for c in r.choices])
print([c.message.content for c in r.choices])
print(r.usage.prompt_tokens, r.usage.completion_tokens, r.usage.total_tokens)
print(r.system_fingerprint, r.service_tier)
sync = openai.OpenAI()
s = sync.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
print(s.model, s.choices[0].message.role, type(s.choices).__name__)
