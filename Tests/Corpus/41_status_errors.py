# Status errors: the class per status, status_code, and "Error code: N - message".
# The mock fails a request on demand when it carries `x-poolplay-fault: STATUS`; the client sends
# it with every request through default_headers.
import openai
from openai import AsyncOpenAI
for status in ["400", "401", "404", "429", "500", "503"]:
    client = AsyncOpenAI(max_retries=0, default_headers={"x-poolplay-fault": status})
    try:
        await client.models.list()
    except openai.APIStatusError as e:
        print(type(e).__name__, isinstance(e, openai.APIError))
        print(" ", e)
try:
    await AsyncOpenAI(max_retries=0).models.retrieve("no-such-model")
except openai.NotFoundError as e:
    print(type(e).__name__, e)
