# The attributes of openai's status errors: status_code, code, type, param, body, message, request_id,
# and the httpx response they came with.
import openai
from openai import AsyncOpenAI
client = AsyncOpenAI(max_retries=0, default_headers={"x-poolplay-fault": "429"})
try:
    await client.models.list()
except openai.RateLimitError as e:
    print(e.status_code, e.code, e.type, e.param)
    print(e.body)
    print(e.message)
    print(e.request_id)
    print(e.response.status_code, e.response.headers.get("content-type"))
try:
    await AsyncOpenAI(max_retries=0).models.retrieve("nope-model")
except openai.NotFoundError as e:
    print(e.status_code, e.code, e.type, e.body["message"])
