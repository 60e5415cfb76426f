"""Tuning the SDK's own retries per call site with `with_options`.

The client is built once with the defaults; a latency-sensitive path disables retries,
a batch path keeps them. The mock returns 503 for requests that carry the fault header.
"""
import asyncio

import openai
from openai import AsyncOpenAI

client = AsyncOpenAI()


async def main():
    print("default max_retries:", client.max_retries)
    fast = client.with_options(max_retries=0, timeout=5.0)
    print("fast path:", fast.max_retries, fast.timeout)
    patient = client.with_options(max_retries=1)
    print("patient path:", patient.max_retries)

    try:
        await fast.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": "hi"}],
            extra_headers={"x-poolplay-fault": "503"},
        )
    except openai.InternalServerError as exc:
        print("fast path failed immediately:", exc.status_code)

    raw = await patient.chat.completions.with_raw_response.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "raw please"}]
    )
    completion = raw.parse()
    print("raw status:", raw.status_code, "content:", completion.choices[0].message.content)
    print("request id present:", raw.headers.get("x-request-id", "").startswith("req_"))

    try:
        await patient.models.list(extra_headers={"x-poolplay-fault": "503"})
    except openai.APIStatusError as exc:
        print("patient path gave up:", exc.status_code, type(exc).__name__)

    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
