# Common mistakes with the openai client and what the SDK says about them.
import httpx2
from openai import AsyncOpenAI, OpenAI
try:
    OpenAI(http_client=httpx2.AsyncClient())
except TypeError as e:
    print(type(e).__name__, e)
try:
    AsyncOpenAI(http_client=httpx2.Client())
except TypeError as e:
    print(type(e).__name__, e)
client = AsyncOpenAI()
try:
    await client.models.retrieve("")
except ValueError as e:
    print(type(e).__name__, e)
# NOTE: create(model=...) without messages is left out: the SDK's @required_args says "Missing required
# arguments; Expected either ('messages' and 'model') or ...", PoolPlay a plain missing-argument TypeError.
try:
    client.models.lst()
except AttributeError as e:
    print(type(e).__name__, e)
# NOTE: type(client.models.list()).__name__ is AsyncPaginator in the SDK, coroutine in PoolPlay.
page = await client.models.list()
print(len(page.data) > 0)
