# Embed a list of sentences with executor.map and a sync client.
# executor.map keeps the input order, so no sorting is needed afterwards.
import os
import concurrent.futures

from openai import OpenAI

SENTENCES = [
    "The quick brown fox",
    "jumps over",
    "the lazy dog",
    "connection pools queue requests",
    "keep-alive keeps sockets open",
    "retries multiply latency",
]


def embed(client, sentence):
    result = client.embeddings.create(model="text-embedding-3-small", input=sentence)
    vector = result.data[0].embedding
    return len(vector), round(sum(v * v for v in vector), 3) > 0


def main():
    client = OpenAI(base_url=os.getenv("OPENAI_BASE_URL"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        rows = list(pool.map(lambda s: embed(client, s), SENTENCES))
    for sentence, (dims, nonzero) in zip(SENTENCES, rows):
        print(f"{sentence!r}: dims={dims} nonzero={nonzero}")
    client.close()


if __name__ == "__main__":
    main()
