# The SDK's retry loop: a 500 is retried max_retries times and then raised; 400 is not retried.
import openai
from openai import AsyncOpenAI
client = AsyncOpenAI(max_retries=1, default_headers={"x-poolplay-fault": "500"})
try:
    await client.models.list()
except openai.InternalServerError as e:
    print(type(e).__name__, e)
print(client.with_options(max_retries=0).max_retries, client.max_retries)
