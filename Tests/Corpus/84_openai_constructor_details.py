# openai constructor details: a base_url gets its trailing slash, max_retries is validated, an
# explicit timeout replaces the default.
import httpx2
from openai import OpenAI, AsyncOpenAI
c = OpenAI(base_url="http://127.0.0.1:1/v2/", max_retries=0)
print(c.base_url, c.max_retries)
print(OpenAI(base_url="http://127.0.0.1:1/v2").base_url)
print(AsyncOpenAI(timeout=httpx2.Timeout(None)).timeout)
for bad in [None, -1, "3"]:
    try:
        OpenAI(max_retries=bad)
    except Exception as e:
        print(type(e).__name__, e)
