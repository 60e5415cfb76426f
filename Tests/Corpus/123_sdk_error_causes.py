# The SDK raises APIConnectionError / APITimeoutError "from" the httpx error of the last attempt
# (openai/_base_client.py: raise APIConnectionError(request=request) from err).
import httpx, httpx2
from openai import OpenAI, AsyncOpenAI, APIConnectionError, APITimeoutError
client = OpenAI(base_url="http://127.0.0.1:9/v1", max_retries=0)
try:
    client.models.list()
except APIConnectionError as e:
    print(type(e).__name__, e, type(e.__cause__), e.__context__ is e.__cause__, e.__cause__ is e.__cause__)
    print(isinstance(e.__cause__, httpx2.ConnectError), isinstance(e.__cause__, httpx.ConnectError))
slow = AsyncOpenAI(max_retries=0, timeout=httpx2.Timeout(5.0, read=0.05), default_headers={"x-poolplay-latency": "500ms"})
try:
    await slow.models.list()
except APITimeoutError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, type(e.__cause__), e.__cause__ is not None)
client = OpenAI(base_url="http://127.0.0.1:9/v1", max_retries=0)
client.models.list()
