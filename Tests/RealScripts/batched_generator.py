# Batch prompts with a generator (itertools.batched arrived only in 3.12), then send each batch.
from itertools import islice
from typing import Iterable, Iterator, List

from openai import OpenAI


def batched(iterable: Iterable[str], n: int) -> Iterator[List[str]]:
    it = iter(iterable)
    while True:
        batch = list(islice(it, n))
        if not batch:
            return
        yield batch


def prompts(count: int) -> Iterator[str]:
    for i in range(count):
        yield f"prompt {i}"


def main():
    client = OpenAI()
    total = 0
    for number, batch in enumerate(batched(prompts(11), 4), start=1):
        response = client.embeddings.create(model="text-embedding-3-small", input=batch)
        total += len(response.data)
        print(f"batch {number}: {len(batch)} inputs -> {len(response.data)} vectors")
    print("total vectors:", total)
    gen = prompts(2)
    print(next(gen), next(gen), next(gen, "exhausted"))


if __name__ == "__main__":
    main()
