# Generators as client code uses them: paging helpers, a streaming parser, and contextmanager-managed clients.
from contextlib import contextmanager


def pages(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def parse_sse(lines):
    event = []
    for line in lines:
        if line == "":
            if event:
                yield "\n".join(event)
                event = []
            continue
        if line.startswith("data: "):
            event.append(line[len("data: "):])
    if event:
        yield "\n".join(event)


def numbered(source):
    count = yield from source
    return count


def chunks():
    yield "a"
    yield "b"
    return 2


@contextmanager
def managed(name):
    print("open", name)
    try:
        yield name
    except ValueError as e:
        print("handled", e)
    finally:
        print("close", name)


for page in pages(list(range(7)), 3):
    print("page", page)
print(list(parse_sse(["data: one", "", "data: two", "data: more", "", ""])))
g = numbered(chunks())
print(next(g), next(g))
try:
    next(g)
except StopIteration as stop:
    print("returned", stop.value)
print(sum(len(p) for p in pages("abcdefgh", 3)), any(p == [3, 4, 5] for p in pages(list(range(7)), 3)))
with managed("client") as c:
    print("using", c)
with managed("other"):
    raise ValueError("bad response")
print("still running")
