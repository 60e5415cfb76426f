# httpx Response: status_code, headers, json(), text, and reprs; get, post and request.
# NOTE: client.stream(...) with aread/aiter_lines is left out: PoolPlay's AsyncClient has no `stream`
# yet (HTTPClientObject).
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
async with httpx.AsyncClient(base_url=base) as client:
    r = await client.get("/models")
    print(r)
    print(r.status_code, r.headers["content-type"], type(r.json()).__name__)
    print(r.text == r.content.decode(), r.json() == r.json())
    r = await client.post("/chat/completions", json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "ping"}]})
    print(r.status_code, r.json()["choices"][0]["message"]["content"])
    r = await client.request("GET", "/models/no-such-model")
    print(r.status_code, r.json()["error"]["code"])
    print(client._transport._pool)
