"""Classify a batch of support tickets concurrently, with at most N requests in flight.

The usual answer to "gather() opens too many connections": wrap each call in an
asyncio.Semaphore so the burst never exceeds what the pool (or the rate limit) allows.
"""
import asyncio
import os

from openai import AsyncOpenAI

MAX_IN_FLIGHT = int(os.environ.get("MAX_IN_FLIGHT", "4"))
MODEL = os.environ.get("OPENAI_MODEL", "gpt-4o-mini")

TICKETS = [
    "My invoice is wrong",
    "The app crashes on start",
    "How do I reset my password",
    "Refund please",
    "Feature request: dark mode",
    "Login page is slow",
    "Cannot upload files",
    "Billing address change",
    "Where is my order",
    "Thanks for the help",
]


async def classify(client: AsyncOpenAI, sem: asyncio.Semaphore, ticket: str, stats: dict) -> str:
    async with sem:
        stats["active"] += 1
        stats["peak"] = max(stats["peak"], stats["active"])
        try:
            response = await client.chat.completions.create(
                model=MODEL,
                messages=[
                    {"role": "system", "content": "Classify the ticket."},
                    {"role": "user", "content": ticket},
                ],
                temperature=0,
            )
        finally:
            stats["active"] -= 1
    return response.choices[0].message.content


async def main() -> None:
    client = AsyncOpenAI()
    sem = asyncio.Semaphore(MAX_IN_FLIGHT)
    stats = {"active": 0, "peak": 0}
    labels = await asyncio.gather(*(classify(client, sem, t, stats) for t in TICKETS))
    for ticket, label in zip(TICKETS, labels):
        print(f"{ticket[:24]:<24} -> {label}")
    print("peak in flight:", stats["peak"], "limit:", MAX_IN_FLIGHT)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
