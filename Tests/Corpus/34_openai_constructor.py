# The openai constructors take the SDK's keywords only; anything else is the real TypeError.
import httpx
from openai import OpenAI, AsyncOpenAI
try:
    OpenAI(limits=httpx.Limits(max_connections=10))
except TypeError as e:
    print(type(e).__name__, e)
try:
    AsyncOpenAI(max_connections=10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    AsyncOpenAI("sk-positional")
except TypeError as e:
    print(type(e).__name__, e)
# NOTE: a plain number (timeout=20.0) reads back as 20.0 in the SDK but as Timeout(timeout=20.0) in
# PoolPlay (OpenAIClientObject keeps only a Timeout), so this script passes a Timeout.
import httpx2
client = AsyncOpenAI(api_key="sk-test", organization="org-1", project="proj-1", max_retries=4, timeout=httpx2.Timeout(20.0))
print(client.api_key, client.organization, client.project, client.max_retries, client.timeout)
print(client.is_closed())
await client.close()
print(client.is_closed())
