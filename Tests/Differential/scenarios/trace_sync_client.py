# The trace callback of a sync client: a plain function called at each of httpcore's trace points, in order (12 on a
# new connection, 10 on a reused one), with the response head as receive_response_headers.complete's return_value.
import os
import httpx

URL = os.environ["DIFF_URL"]
seen = []


def hook(name, info):
    seen.append(name)
    if name == "http11.receive_response_headers.complete":
        print(info["return_value"][:3])


client = httpx.Client(limits=httpx.Limits(max_connections=1))
r = client.get(f"{URL}/?i=0", extensions={"trace": hook})
print(r.status_code, len(seen), seen[0], seen[-1])
r = client.get(f"{URL}/?i=1", extensions={"trace": hook})
print(r.status_code, len(seen))
print(client._transport._pool)
client.close()
