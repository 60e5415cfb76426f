# Context managers close the client; a request through it reuses one keep-alive connection.
import os
import httpx
base = os.environ["OPENAI_BASE_URL"]
async with httpx.AsyncClient(base_url=base) as client:
    r = await client.get("/models")
    print(r.status_code, r.json()["object"])
    r = await client.get("/models")
    print(r.status_code, len(r.json()["data"]) > 0)
    print(client._transport._pool)
    print(client.is_closed)
print(client.is_closed)
print(client._transport._pool)
with httpx.Client(base_url=base) as sync_client:
    r = sync_client.get("/models")
    print(r.status_code, r.headers["content-type"])
    print(sync_client._transport._pool)
print(sync_client.is_closed)
