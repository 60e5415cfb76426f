# User classes in Python's protocols: len/bool, iteration (__iter__/__next__, __getitem__), containment,
# arithmetic with reflection, ordering for sorted, __call__, and async iteration over a fake token stream.
import asyncio
class Batch:
    def __init__(self, items=()):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __add__(self, other):
        if isinstance(other, Batch):
            return Batch(self.items + other.items)
        return NotImplemented
    def __repr__(self):
        return f"Batch({self.items!r})"
b = Batch(["a", "b"]) + Batch(["c"])
print(b, len(b), bool(Batch()), "b" in b, "z" in b, b[0], b[-1], list(b), [x.upper() for x in b])
first, *rest = b
print(first, rest, sorted(b, reverse=True), "-".join(b), dict(enumerate(b)))
class Usage:
    def __init__(self, tokens):
        self.tokens = tokens
    def __add__(self, other):
        return Usage(self.tokens + (other.tokens if isinstance(other, Usage) else other))
    def __radd__(self, other):
        return self + other
    def __lt__(self, other):
        return self.tokens < other.tokens
    def __eq__(self, other):
        return isinstance(other, Usage) and other.tokens == self.tokens
    def __repr__(self):
        return f"Usage({self.tokens})"
runs = [Usage(30), Usage(10), Usage(20)]
print(sum(runs), sorted(runs), min(runs), max(runs), Usage(10) in runs, runs.index(Usage(20)) if False else Usage(5) + 1)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), tuple(Countdown(2)), set(Countdown(4)))
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
double = Multiplier(2)
print(list(map(double, [1, 2, 3])), double(21), callable(double))
class TokenStream:
    def __init__(self, text):
        self.words = text.split()
        self.pos = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.pos >= len(self.words):
            raise StopAsyncIteration
        await asyncio.sleep(0.001)
        self.pos += 1
        return self.words[self.pos - 1]
chunks = []
async for token in TokenStream("hello from the stream"):
    chunks.append(token)
print(chunks, " ".join(chunks))
print(len(Usage(1)))
