"""Embed a corpus in batches (the API takes a list per call), a few batches concurrently.

Cookbook-style: chunk the inputs, send each chunk as one request, reassemble by index.
"""
import asyncio
import math
from typing import Iterable, List

from openai import AsyncOpenAI

BATCH_SIZE = 5
CONCURRENCY = 2


def chunked(items: List[str], size: int) -> List[List[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def norm(vector: Iterable[float]) -> float:
    return math.sqrt(sum(x * x for x in vector))


async def embed_all(client: AsyncOpenAI, texts: List[str]) -> List[List[float]]:
    sem = asyncio.Semaphore(CONCURRENCY)
    batches = chunked(texts, BATCH_SIZE)

    async def embed_batch(batch_no: int, batch: List[str]):
        async with sem:
            response = await client.embeddings.create(model="text-embedding-3-small", input=batch)
        # the API returns one item per input, each with its index
        ordered = sorted(response.data, key=lambda d: d.index)
        return batch_no, [d.embedding for d in ordered], response.usage.prompt_tokens

    results = await asyncio.gather(*(embed_batch(n, b) for n, b in enumerate(batches)))
    vectors: List[List[float]] = []
    tokens = 0
    for _, batch_vectors, used in sorted(results, key=lambda r: r[0]):
        vectors.extend(batch_vectors)
        tokens += used
    print(f"{len(batches)} batches, {tokens > 0 and 'some' or 'no'} prompt tokens")
    return vectors


async def main():
    texts = [f"sentence number {n}" for n in range(17)]
    async with AsyncOpenAI() as client:
        vectors = await embed_all(client, texts)
    print("vectors:", len(vectors), "dims:", {len(v) for v in vectors})
    print("all normalisable:", all(norm(v) > 0 for v in vectors))


if __name__ == "__main__":
    asyncio.run(main())
