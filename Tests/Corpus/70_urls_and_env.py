# URLs: a client's base_url (a trailing slash is added), its parts, and how request paths join it.
import os
import httpx
import time
base = os.environ["OPENAI_BASE_URL"]
client = httpx.AsyncClient(base_url=base)
u = client.base_url
print(type(u).__name__, u.scheme, u.host, type(u.port).__name__, u.path)
print(repr(httpx.AsyncClient(base_url="http://example.test:8080/api").base_url))
print(httpx.AsyncClient(base_url="http://example.test/api/").base_url, httpx.AsyncClient().base_url == "")
for path in ["/models", "models", "models/mock-gpt"]:
    r = await client.get(path)
    print(path, r.status_code, str(r.url).endswith("/v1/" + path.lstrip("/")))
print(os.getenv("POOLPLAY_CORPUS_FLAG"), os.getenv("POOLPLAY_CORPUS_UNSET", "dflt"), os.getenv("POOLPLAY_CORPUS_UNSET"))
start = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - start >= 0.01, type(time.time()).__name__)
await client.aclose()
