# An uncaught RateLimitError ends the script: same final line, exit code 1.
from openai import AsyncOpenAI
client = AsyncOpenAI(max_retries=0, default_headers={"x-poolplay-fault": "429"})
print("calling")
await client.models.list()
