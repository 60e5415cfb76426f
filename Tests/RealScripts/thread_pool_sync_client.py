"""Summarise documents in parallel with the *sync* client and a thread pool.

One OpenAI client is shared by every worker thread (it is thread-safe); the pool size
decides how many requests are in flight.
"""
import os
from concurrent.futures import ThreadPoolExecutor, as_completed

import openai
from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], max_retries=0)

DOCUMENTS = {f"doc-{i:02d}": f"document number {i} about pools" for i in range(12)}


def summarise(name: str, text: str) -> tuple[str, int]:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarise: {text}"}],
    )
    return name, completion.usage.total_tokens


def main() -> int:
    results: dict[str, int] = {}
    errors: list[str] = []
    with ThreadPoolExecutor(max_workers=5) as executor:
        futures = {executor.submit(summarise, name, text): name for name, text in DOCUMENTS.items()}
        for future in as_completed(futures):
            name = futures[future]
            try:
                _, tokens = future.result()
            except openai.OpenAIError as exc:
                errors.append(f"{name}: {exc}")
            else:
                results[name] = tokens
    for name in sorted(results):
        print(name, results[name])
    print("total tokens:", sum(results.values()), "errors:", errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
