# A client wrapper class with async methods, a retry decorator and a custom exception, around AsyncOpenAI
# against the mock server, used as an async context manager.
import asyncio
import openai
from openai import AsyncOpenAI
class CompletionFailed(Exception):
    def __init__(self, attempts, last):
        super().__init__(f"failed after {attempts} attempts: {type(last).__name__}")
        self.attempts = attempts
def with_retries(times):
    def decorator(fn):
        async def wrapper(self, *args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return await fn(self, *args, **kwargs)
                except openai.APIStatusError as e:
                    last = e
                    print(f"attempt {attempt}: {e.status_code}")
            raise CompletionFailed(times, last)
        return wrapper
    return decorator
class Assistant:
    calls = 0
    def __init__(self, model="gpt-4o-mini", fault=None):
        headers = {"x-poolplay-fault": fault} if fault else {}
        self.client = AsyncOpenAI(max_retries=0, default_headers=headers)
        self.model = model
    async def __aenter__(self):
        print("open", self.model)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("close", exc_type.__name__ if exc_type else None)
        return False
    @with_retries(2)
    async def ask(self, prompt):
        Assistant.calls += 1
        r = await self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": prompt}])
        return r.choices[0].message.content
    def __repr__(self):
        return f"Assistant(model={self.model!r})"
async with Assistant() as bot:
    answers = await asyncio.gather(bot.ask("one"), bot.ask("two"))
    print(bot, len(answers), all(isinstance(a, str) for a in answers) if False else all([isinstance(a, str) for a in answers]))
try:
    async with Assistant(fault="500") as broken:
        await broken.ask("hi")
except CompletionFailed as e:
    print("CompletionFailed:", e, e.attempts)
print(Assistant.calls)
