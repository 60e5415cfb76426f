# The standard library client code leans on: collections (Counter, defaultdict, deque, OrderedDict,
# namedtuple), functools (partial, wraps, reduce, lru_cache) and itertools.
from collections import Counter, defaultdict, deque, OrderedDict, namedtuple
import functools
import itertools

statuses = [200, 200, 429, 200, 500, 429, 200]
counts = Counter(statuses)
print(counts, counts.most_common(1), counts[404])
counts[503] += 1
counts.update([200])
print(counts.most_common(2), counts.total(), len(counts))
print(Counter("aab") + Counter("bc"), Counter("aab") - Counter("ab"))

by_status = defaultdict(list)
for i, s in enumerate(statuses):
    by_status[s].append(i)
print(by_status[429], sorted(by_status), dict(by_status.items()) == {200: [0, 1, 3, 6], 429: [2, 5], 500: [4]})
print(defaultdict(int))

window = deque(maxlen=3)
for latency in [120, 80, 95, 300]:
    window.append(latency)
print(window, sum(window) / len(window))
d = deque([1, 2, 3, 4])
d.rotate(1)
d.appendleft(0)
print(d, d.popleft(), d.pop(), list(d))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)

od = OrderedDict()
od["a"] = 1
od["b"] = 2
od.move_to_end("a")
print(od, list(od), od.popitem(last=False))

Usage = namedtuple("Usage", ["prompt_tokens", "completion_tokens"])
u = Usage(12, completion_tokens=30)
print(u, u.prompt_tokens + u[1], u._asdict(), u._replace(prompt_tokens=1), Usage._fields)
pt, ct = u
print(pt, ct, u == (12, 30))

def request(method, url, *, timeout=5.0, retries=0):
    return f"{method} {url} timeout={timeout} retries={retries}"
get = functools.partial(request, "GET", timeout=1.5)
print(get("/v1/models"), get("/v1/models", retries=2))

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

@logged
def total_tokens(*usages):
    """Sum of tokens."""
    return functools.reduce(lambda acc, u: acc + u.prompt_tokens + u.completion_tokens, usages, 0)
print(total_tokens(u, Usage(1, 2)), total_tokens.__name__, total_tokens.__doc__)

@functools.lru_cache(maxsize=None)
def backoff(attempt):
    return 0 if attempt == 0 else min(8.0, 0.5 * 2 ** attempt)
print([backoff(n) for n in range(6)], backoff(3), backoff.cache_info())

print(list(itertools.islice(itertools.count(1), 4)), list(itertools.chain([1, 2], (3,))))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.product("ab", [0, 1])))
print([(k, len(list(g))) for k, g in itertools.groupby(sorted(statuses))])
print(list(itertools.zip_longest([1, 2, 3], "ab")), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.repeat("x", 3)), list(itertools.combinations("abc", 2)), list(itertools.pairwise([1, 2, 3])))
