"""Watch the rate-limit budget the API reports, via `with_raw_response` (cookbook: "How to
handle rate limits"). The raw response carries the headers; `.parse()` gives the object."""
import asyncio

from openai import AsyncOpenAI


def budget(headers) -> dict:
    return {
        "limit_requests": int(headers["x-ratelimit-limit-requests"]),
        "remaining_requests": int(headers["x-ratelimit-remaining-requests"]),
        "limit_tokens": int(headers["x-ratelimit-limit-tokens"]),
        "reset_requests": headers.get("x-ratelimit-reset-requests"),
    }


async def main():
    client = AsyncOpenAI()
    raw = await client.chat.completions.with_raw_response.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "how much budget is left?"}]
    )
    info = budget(raw.headers)
    print("status:", raw.status_code, "| retries:", raw.retries_taken)
    print("limits:", info["limit_requests"], "requests,", info["limit_tokens"], "tokens per minute")
    print("remaining within limit:", 0 <= info["remaining_requests"] <= info["limit_requests"])
    print("reset given:", info["reset_requests"] is not None)
    completion = raw.parse()
    print("answer:", completion.choices[0].message.content, "| same object twice:", raw.parse() is completion)

    raws = await asyncio.gather(
        *(client.embeddings.with_raw_response.create(model="text-embedding-3-small", input=str(i)) for i in range(3))
    )
    print([r.status_code for r in raws], [len(r.parse().data) for r in raws])
    page = await client.models.with_raw_response.list()
    print("models:", page.http_request.method, page.parse().data[0].id)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
