#!/usr/bin/env python3
"""Command-line batch runner: how many prompts, how many at once, which model.

    python cli_argparse.py --count 6 --concurrency 2

With no arguments it runs the defaults.
"""
import argparse
import asyncio
import os

from openai import AsyncOpenAI


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5, help="number of prompts")
    parser.add_argument("--concurrency", type=int, default=2, help="requests in flight")
    parser.add_argument("--model", default=os.getenv("OPENAI_MODEL", "gpt-4o-mini"))
    parser.add_argument("--verbose", "-v", action="store_true")
    return parser.parse_args(argv)


async def run(args: argparse.Namespace) -> list[str]:
    sem = asyncio.Semaphore(args.concurrency)
    async with AsyncOpenAI() as client:

        async def one(i: int) -> str:
            async with sem:
                r = await client.chat.completions.create(
                    model=args.model, messages=[{"role": "user", "content": f"prompt {i}"}]
                )
            return r.choices[0].message.content

        return await asyncio.gather(*(one(i) for i in range(args.count)))


def main() -> None:
    args = parse_args()
    print(f"count={args.count} concurrency={args.concurrency} model={args.model} verbose={args.verbose}")
    for line in asyncio.run(run(args)):
        print(line)
    print(parse_args(["--count", "2", "-v"]))


if __name__ == "__main__":
    main()
