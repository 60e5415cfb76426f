"""The Responses API, streamed: print text deltas, then the completed event's summary."""
import asyncio
from collections import Counter

from openai import AsyncOpenAI


async def main() -> None:
    client = AsyncOpenAI()
    events = Counter()
    text = []
    stream = await client.responses.create(
        model="gpt-4o-mini",
        input="tell me about connection pools",
        stream=True,
    )
    async for event in stream:
        events[event.type] += 1
        if event.type == "response.output_text.delta":
            text.append(event.delta)
        elif event.type == "response.completed":
            print("status:", event.response.status)
    print("text:", "".join(text))
    for name, count in sorted(events.items()):
        print(f"  {name}: {count}")

    plain = await client.responses.create(model="gpt-4o-mini", input="no stream")
    print("non-streamed:", plain.output_text)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
