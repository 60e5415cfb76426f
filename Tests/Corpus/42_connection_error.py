# A closed port: APIConnectionError: Connection error., after the SDK's retries (none here).
import openai
from openai import AsyncOpenAI
client = AsyncOpenAI(base_url="http://127.0.0.1:9/v1", max_retries=0)
try:
    await client.models.list()
except openai.APIConnectionError as e:
    print(type(e).__name__, e, isinstance(e, openai.APIError))
print(issubclass(openai.APITimeoutError, openai.APIConnectionError))
