# The sync client: context manager, close, is_closed, and a request through its own pool.
from openai import OpenAI
with OpenAI() as client:
    page = client.models.list()
    print(len(page.data) > 0, client.is_closed())
    print(client._client._transport._pool)
print(client.is_closed(), client._client.is_closed)
other = OpenAI(max_retries=0)
other.close()
print(other.is_closed())
