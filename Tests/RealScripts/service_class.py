"""A small service wrapper class around the async client, used as an async context manager.

Typical of application code: the class owns the client, exposes domain methods, counts
usage, and closes everything in __aexit__.
"""
import asyncio
from dataclasses import dataclass

from openai import AsyncOpenAI


@dataclass
class Usage:
    prompt: int = 0
    completion: int = 0

    @property
    def total(self) -> int:
        return self.prompt + self.completion

    def add(self, usage) -> None:
        self.prompt += usage.prompt_tokens
        self.completion += usage.completion_tokens


class Assistant:
    def __init__(self, model: str = "gpt-4o-mini", system: str = "You are terse."):
        self.model = model
        self.system = system
        self.usage = Usage()
        self._client = None

    async def __aenter__(self) -> "Assistant":
        self._client = AsyncOpenAI()
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        await self._client.close()
        print("closed; suppressing", exc_type.__name__ if exc_type else None)

    def __repr__(self) -> str:
        return f"Assistant(model={self.model!r}, tokens={self.usage.total})"

    async def reply(self, text: str) -> str:
        completion = await self._client.chat.completions.create(
            model=self.model,
            messages=[{"role": "system", "content": self.system}, {"role": "user", "content": text}],
        )
        self.usage.add(completion.usage)
        return completion.choices[0].message.content

    async def reply_all(self, texts):
        return await asyncio.gather(*(self.reply(t) for t in texts))


class LoudAssistant(Assistant):
    async def reply(self, text: str) -> str:
        return (await super().reply(text)).upper() + "!"


async def main():
    async with Assistant() as bot:
        print(await bot.reply("hello"))
        print(await bot.reply_all(["one", "two", "three"]))
        print(bot, bot.usage.total > 0)
    async with LoudAssistant(model="gpt-4o") as loud:
        print(await loud.reply("quiet please"))
        print(isinstance(loud, Assistant), type(loud).__mro__[1].__name__)


if __name__ == "__main__":
    asyncio.run(main())
