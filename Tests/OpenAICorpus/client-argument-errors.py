# Wrong arguments to copy() and the resources raise the SDK's TypeErrors.
import httpx2
from openai import OpenAI
c = OpenAI()
for v in [5, httpx2.AsyncClient()]:
    try:
        c.with_options(http_client=v)
    except TypeError as e:
        print(e)
d = c.with_options(http_client=httpx2.Client(limits=httpx2.Limits(max_connections=3)))
print(d._client._transport._pool._max_connections, d.timeout)
try:
    c.embeddings.create(input='x')
except TypeError as e:
    print(e)
try:
    c.responses.create(modle='x')
except TypeError as e:
    print(e)
try:
    c.embeddings.create('x', 'm')
except TypeError as e:
    print(e)
try:
    c.copy(1)
except TypeError as e:
    print(e)
