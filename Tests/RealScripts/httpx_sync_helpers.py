# Quick checks with httpx's module-level helpers (httpx.get / httpx.post), as in ops scripts.
import os
import sys

import httpx

BASE = os.environ["OPENAI_BASE_URL"]
AUTH = {"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"]}


def healthcheck() -> bool:
    try:
        r = httpx.get(f"{BASE}/models", headers=AUTH, timeout=5)
    except httpx.HTTPError as exc:
        print("unreachable:", exc, file=sys.stderr)
        return False
    return r.status_code == 200


def embed(text: str) -> int:
    r = httpx.post(
        f"{BASE}/embeddings",
        headers=AUTH,
        json={"model": "text-embedding-3-small", "input": text},
        timeout=httpx.Timeout(5.0),
    )
    r.raise_for_status()
    return len(r.json()["data"][0]["embedding"])


if __name__ == "__main__":
    print("healthy:", healthcheck())
    print("dims:", embed("hello"))
    r = httpx.request("GET", f"{BASE}/models", headers={**AUTH, "x-poolplay-fault": "503"})
    print(r.status_code, r.reason_phrase, r.is_error)
    with httpx.Client(base_url=BASE, headers=AUTH) as client:
        ids = [m["id"] for m in client.get("/models").json()["data"]]
    print("models:", ids[:3])
    sys.exit(0 if ids else 1)
