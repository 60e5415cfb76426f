# httpx.get / httpx.post / httpx.stream and friends: one-off requests, each on a throwaway Client.
import os
import httpx
import httpx2

base = os.environ["OPENAI_BASE_URL"]
auth = {"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"]}
r = httpx.get(base + "/models", headers=auth)
print(r, r.status_code, type(r), r.json()["object"], r.url.path if hasattr(r.url, "path") else "")
body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
r = httpx2.post(base + "/chat/completions", json=body, timeout=10)
print(r, type(r), r.json()["object"], r.json()["choices"][0]["message"]["role"])
r = httpx.request("GET", base + "/models", timeout=httpx.Timeout(3))
print(r.status_code, r.http_version if hasattr(r, "http_version") else "HTTP/1.1")
for verb in [httpx.put, httpx.patch, httpx.delete, httpx.head, httpx.options, httpx2.get]:
    print(verb.__name__, verb.__module__, verb(base + "/models").status_code)
with httpx.stream("GET", base + "/models") as response:
    print(type(response), response.status_code)
    chunks = [chunk for chunk in response.iter_bytes()]
    print(len(chunks) > 0)
streaming = httpx2.stream("POST", base + "/chat/completions", json=dict(body, stream=True))
print(type(streaming).__name__)
with streaming as response:
    lines = [line for line in response.iter_lines() if line]
    print(lines[-1])
print(httpx.get, httpx2.stream)
for call in [lambda: httpx.get(), lambda: httpx.get(base, base), lambda: httpx.post(base, nope=1),
             lambda: httpx.request("GET"), lambda: httpx.get("ftp://example.com/")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
try:
    httpx.get("http://127.0.0.1:9/nothing-listens-here")
except httpx.ConnectError as e:
    print("ConnectError", isinstance(e, httpx.NetworkError), isinstance(e, httpx2.NetworkError))
# httpx.request passes method= and url= by name to Client.request; a client takes them either way.
client = httpx.Client()
url = base + "/models"
print(client.request(method="GET", url=url).status_code, client.request(url=url, method="get").status_code)
with client.stream(method="GET", url=url) as response:
    print(response.status_code)
for call in [lambda: client.request(), lambda: client.request(url=url), lambda: httpx2.AsyncClient().stream(url=url)]:
    try:
        call()
    except TypeError as e:
        print(e)
