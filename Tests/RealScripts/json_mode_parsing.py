"""Ask for JSON and parse it defensively (json mode), turning the result into typed records."""
import asyncio
import json
from collections import namedtuple
from typing import Optional

from openai import AsyncOpenAI

Record = namedtuple("Record", ["name", "score"])


def parse_record(text: str) -> Optional[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        print("  not JSON:", exc.msg)
        return None
    if not isinstance(data, dict) or "name" not in data:
        print("  missing fields:", sorted(data) if isinstance(data, dict) else type(data).__name__)
        return None
    return Record(data["name"], float(data.get("score", 0)))


async def main():
    client = AsyncOpenAI()
    inputs = [
        json.dumps({"name": "alpha", "score": 3}),
        json.dumps({"name": "beta"}),
        "not json at all",
        json.dumps([1, 2, 3]),
        json.dumps({"score": 1}),
    ]
    replies = await asyncio.gather(
        *(
            client.chat.completions.create(
                model="gpt-4o-mini",
                response_format={"type": "json_object"},
                messages=[{"role": "user", "content": text}],
            )
            for text in inputs
        )
    )
    records = []
    for reply in replies:
        record = parse_record(reply.choices[0].message.content)
        if record:
            records.append(record)
    print(records)
    print(max(records, key=lambda r: r.score).name, records[0]._asdict())
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
