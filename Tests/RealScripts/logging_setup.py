"""Logging configured the way services do: basicConfig once, a logger per module, and a
summary printed at the end. Log records go to stderr; stdout carries only the results."""
import asyncio
import logging
import sys

import openai
from openai import AsyncOpenAI

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s %(levelname)-8s %(name)s: %(message)s",
    stream=sys.stderr,
)
logger = logging.getLogger("batch.runner")


class Runner:
    def __init__(self, client: AsyncOpenAI):
        self.client = client
        self.ok = 0
        self.failed = 0

    async def run_one(self, i: int) -> None:
        headers = {"x-poolplay-fault": "500"} if i == 3 else None
        try:
            await self.client.models.list(extra_headers=headers)
        except openai.APIStatusError as exc:
            self.failed += 1
            logger.error("request %d failed: %s", i, exc.status_code)
        else:
            self.ok += 1
            logger.debug("request %d ok", i)

    async def run(self, n: int) -> None:
        logger.info("running %d requests", n)
        await asyncio.gather(*(self.run_one(i) for i in range(n)))
        logger.info("done: ok=%d failed=%d", self.ok, self.failed)


async def main():
    runner = Runner(AsyncOpenAI(max_retries=0))
    await runner.run(6)
    print(f"ok={runner.ok} failed={runner.failed}")
    print("logger:", logger.name, logging.getLevelName(logger.getEffectiveLevel()))
    await runner.client.close()


if __name__ == "__main__":
    asyncio.run(main())
