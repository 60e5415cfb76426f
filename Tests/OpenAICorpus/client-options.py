# Constructor and copy(): signature errors and attributes as openai 3.57 has them.
import httpx2
from openai import OpenAI

client = OpenAI(timeout=3, max_retries=4)
print(client.timeout, client.max_retries, client.webhook_secret, client.websocket_base_url)
other = client.copy(max_retries=1, timeout=httpx2.Timeout(7))
print(other.max_retries, other.timeout, other._client is client._client)
try:
    client.with_options(limits=httpx2.Limits(max_connections=5))
except TypeError as e:
    print(e)
try:
    OpenAI("key")
except TypeError as e:
    print(e)
try:
    OpenAI(max_connections=5)
except TypeError as e:
    print(e)
try:
    client.embeddings.create(model="text-embedding-3-small")
except TypeError as e:
    print(e)
with OpenAI() as c:
    print(c.responses.create(model="m", input="inside with").output_text)
print(c.is_closed())
