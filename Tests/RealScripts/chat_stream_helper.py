"""The SDK's streaming helper, `client.chat.completions.stream(...)`: typed events and the
accumulated final completion, instead of raw chunks."""
import asyncio

from openai import AsyncOpenAI


async def main():
    client = AsyncOpenAI()
    deltas = []
    async with client.chat.completions.stream(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "helpers accumulate the deltas"}],
    ) as stream:
        async for event in stream:
            if event.type == "content.delta":
                deltas.append(event.delta)
            elif event.type == "content.done":
                print("done:", event.content)
        final = await stream.get_final_completion()
    print(deltas)
    print(final.choices[0].message.content, final.choices[0].finish_reason)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
