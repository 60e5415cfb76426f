# Sync client.stream and openai's sync Stream: the sync SDK closes at [DONE] before the chunked
# terminator, so the connection is closed instead of pooled (openai-python#3440).
import httpx, os
from openai import OpenAI
client = httpx.Client()
with client.stream("GET", os.environ["OPENAI_BASE_URL"] + "/models") as r:
    print(r.status_code, client._transport._pool)
    lines = list(r.iter_lines())
    print(len(lines) > 0, r.is_closed, client._transport._pool)
oc = OpenAI(http_client=client)
s = oc.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], stream=True)
print(type(s).__name__, client._transport._pool)
n = 0
for c in s:
    n += 1
print(n > 0, client._transport._pool)
