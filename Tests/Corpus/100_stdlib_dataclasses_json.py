# Settings objects and payloads: dataclasses with defaults and factories, asdict into json.dumps, json.loads of
# a response body with JSONDecodeError on bad input, seeded random jitter, math and typing annotations.
import json
import math
import random
from dataclasses import dataclass, field, asdict, replace, fields
from typing import Any, Dict, List, Optional

@dataclass
class RetryPolicy:
    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0

@dataclass
class Settings:
    model: str
    temperature: float = 0.0
    stop: List[str] = field(default_factory=list)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    api_key: Optional[str] = field(default=None, repr=False)

s = Settings("gpt-4o-mini", stop=["\n"])
print(s)
print(asdict(s))
print(s == Settings("gpt-4o-mini", stop=["\n"]), s == replace(s, temperature=1.0))
print([f.name for f in fields(s)])
try:
    Settings()
except TypeError as e:
    print("TypeError:", e)
try:
    Settings("m", 0.1, [], RetryPolicy(), "k", "extra")
except TypeError as e:
    print("TypeError:", e)

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(1), Version(0, 9)]), Version(2) > Version(1, 9))
try:
    Version(1).major = 2
except AttributeError as e:
    print(type(e).__name__, e)

payload = {"model": s.model, "messages": [{"role": "user", "content": "héllo"}], "n": 1, "stream": False,
           "temperature": None}
print(json.dumps(payload))
print(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
print(json.dumps({"b": 1, "a": [1, 2, {"c": True}]}, indent=2, sort_keys=True))
print(json.dumps(asdict(s), indent=1))
body = json.loads('{"id": "x", "choices": [{"index": 0, "message": {"content": "hi\\u00e9"}}], "usage": {"total_tokens": 12}, "ok": true, "f": 1.5e3}')
print(body["choices"][0]["message"]["content"], body["usage"]["total_tokens"], body["ok"], body["f"])
for bad in ['{"a": }', '[1, 2', '', '{"a" 1}', '{"a": 1} x', "{'a': 1}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, isinstance(e, ValueError))
try:
    json.dumps({"when": object()})
except TypeError as e:
    print("TypeError:", str(e).replace("object", "obj", 1) if False else e)

random.seed(1234)
print([round(random.uniform(0, 1), 6) for _ in range(3)], random.randint(1, 6), random.choice(["a", "b", "c"]))
jitter = random.Random(7)
print([round(0.5 * 2 ** n * (1 + jitter.random() / 4), 4) for n in range(4)])
items = list(range(8))
random.shuffle(items)
print(items, random.sample(items, 3))

print(math.ceil(7 / 2), math.floor(-0.5), math.sqrt(2), math.isclose(0.1 + 0.2, 0.3), math.inf > 10 ** 100)
print(math.log(1024, 2), math.exp(0), math.pi, math.gcd(48, 18), math.prod([1, 2, 3, 4]))
hints: Dict[str, Any] = {"optional": Optional[int], "list": List[str]}
print(hints)
