"""Stream a chat completion token by token (async), the way chat UIs do it."""
import asyncio
import sys

from openai import AsyncOpenAI


async def stream_answer(client: AsyncOpenAI, prompt: str, echo: bool = True) -> str:
    stream = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
        stream=True,
    )
    pieces = []
    async for chunk in stream:
        if not chunk.choices:
            continue
        delta = chunk.choices[0].delta
        if delta.content:
            pieces.append(delta.content)
            if echo:
                sys.stdout.write(delta.content)
                sys.stdout.flush()
        if echo and chunk.choices[0].finish_reason:
            sys.stdout.write(f" [{chunk.choices[0].finish_reason}]\n")
    return "".join(pieces)


async def main():
    client = AsyncOpenAI()
    full = await stream_answer(client, "streams keep the connection busy until done")
    print("chars:", len(full))
    answers = await asyncio.gather(*(stream_answer(client, f"stream {i} of three", echo=False) for i in range(3)))
    # concurrent streams finish in network order, so only the gathered (ordered) result is printed
    print(answers)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
