/// Valid programs the fuzz mutations start from: the seed program, httpx/openai/asyncio snippets and each
/// construct of the subset. `regressions` holds inputs that once crashed or hung PoolScript.
enum FuzzCorpus {
    static let programs: [String] = [
        """
        import httpx
        from openai import AsyncOpenAI

        # 创建自定义HTTP客户端
        http_client = httpx.AsyncClient(
            limits=httpx.Limits(
                max_connections=10,  # 设置最大连接数
                max_keepalive_connections=5  # 设置保持活动的连接数
            )
        )

        # 初始化OpenAI客户端
        client = AsyncOpenAI(http_client=http_client)
        """,
        """
        import asyncio
        async def fetch(i):
            await asyncio.sleep(0.01 * i)
            return i * 2
        results = await asyncio.gather(*[fetch(i) for i in range(5)], return_exceptions=True)
        print(results)
        """,
        """
        import asyncio
        async def boom():
            raise ValueError('no')
        r = await asyncio.gather(boom(), asyncio.sleep(0, result=3), return_exceptions=True)
        print(r, type(r[0]).__name__)
        """,
        """
        import asyncio
        async def worker(name, sem):
            async with sem:
                await asyncio.sleep(1)
                print(name)
        sem = asyncio.Semaphore(2)
        tasks = [asyncio.create_task(worker(f"w{i}", sem)) for i in range(4)]
        for t in tasks:
            await t
        """,
        """
        import asyncio
        async def main():
            t = asyncio.create_task(asyncio.sleep(10))
            t.cancel()
            try:
                await t
            except asyncio.CancelledError:
                print('cancelled')
        asyncio.run(main())
        """,
        """
        import httpx
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
        timeout = httpx.Timeout(10.0, connect=5.0)
        async with httpx.AsyncClient(limits=limits, timeout=timeout, base_url="http://127.0.0.1:9/v1") as c:
            r = await c.get("/models")
            print(r.status_code, r.json()["data"][0]["id"])
        """,
        """
        from openai import OpenAI, AsyncOpenAI, DefaultAsyncHttpxClient
        client = AsyncOpenAI(max_retries=0, timeout=1.5, http_client=DefaultAsyncHttpxClient())
        resp = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
        print(resp.choices[0].message.content, resp.usage.total_tokens)
        """,
        "x = 1\ny = x + 2.5\nprint(x, y, x * y, y / 0.5, 7 // 2, -7 % 3, 2 ** 10, 0.1 + 0.2)\n",
        "a, b = 1, 2\na, b = b, a\nfirst, *rest = [1, 2, 3]\nx = 5\nx += 2\nx -= 1\nx *= 3\nprint(a, b, first, rest, x)\n",
        "for i in range(3):\n    if i == 1:\n        continue\n    print(i)\nelse:\n    print('done')\n",
        "i = 0\nwhile True:\n    i += 1\n    if i > 3:\n        break\nelse:\n    pass\nprint(i)\n",
        "if 1 < 2 < 3:\n    print('yes')\nelif None:\n    pass\nelse:\n    print('no')\n",
        "def f(a, b=2, *args, c=3, **kw):\n    return a, b, args, c, kw\nprint(f(1), f(1, 5, 6, c=8, d=9))\n",
        "def outer():\n    n = 0\n    def inner(k):\n        return n + k\n    return inner\nprint(outer()(4))\n",
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nfinally:\n    print('finally')\n",
        "try:\n    raise KeyError('k')\nexcept (ValueError, KeyError) as e:\n    print(repr(e))\n    raise\n",
        "d = {'a': 1, 'b': [1, 2]}\ndel d['a']\nprint(d, list(d.keys()), d.get('z', 0), 'b' in d)\n",
        "xs = [x * x for x in range(10) if x % 2]\nprint(xs[1:3], xs[::-1], xs[-1], len(xs), sum(xs), max(xs), sorted(xs))\n",
        "name = 'pool'\nn = 3\nprint(f'{name!r:>10} {n:05d} {n / 7:.3f} {{literal}} {name.upper()}')\n",
        "s = 'a,b,c'\nprint(s.split(','), '-'.join(['x', 'y']), s.replace('a', 'z'), s[0], s.startswith('a'), b'bytes\\x00')\n",
        "t = (1,)\nprint(t, (), tuple([1, 2]), isinstance(t, tuple), str(1), int('42'), float('1.5'), bool(0), None is None)\n",
        "import os\nprint(os.environ.get('OPENAI_BASE_URL', 'unset'), 'HOME' in os.environ)\n",
        "import time\nstart = time.monotonic()\ntime.sleep(0.5)\nprint(time.monotonic() - start >= 0)\n",
        "x = [1, 2, 3]\nx.append(4)\nx.extend([5])\nx.pop()\nprint(x, x.index(2), enumerate(x), list(zip(x, x)))\n",
        "def g():\n    return g()\ng()\n",
        "print(undefined_name)\n",
        "print(1 if True else 2, not [], [] or {}, 3 and 4, 'a' not in 'abc', 1 is not None)\n",
        "print(*[1, 2], sep='-', end='!\\n')\nprint(**{'sep': ','})\n",
        "async def f():\n    return 1\nprint(await f())\nwith open('x') as fh:\n    pass\n",
        "class C:\n    pass\nlambda x: x\nyield 1\nglobal q\n",
        "def f():\n    print(x)\n    global x\ndef g():\n    nonlocal y\nclass D(metaclass=M):\n    pass\n",
        "x = []\nfor i in range(1000):\n    x = [(x,)]\nprint(x == x, [x] == [x], x in [x], len(repr(x)), len(str(x)), f'{x!r:.5}')\n",
        "d = {}\nfor i in range(1000):\n    d = {'k': [d]}\nprint(d == d, len(repr(d)), d['k'] == [d['k'][0]])\n",
        "print(2 ** 100, 10 ** 30 // 7, -2 ** 70 % 13, int('9' * 30), f'{2 ** 80:,}', 2 ** 64 / 3, hash(2 ** 70))\n",
        "s = {3, 1, 2}\nt = {x * x for x in range(9) if x % 2}\nprint(s | t, s & t, s - t, sorted(s ^ t), 2 in s, frozenset(s))\n",
        "print(range(10)[::2], range(20)[3:15:4], 'streaming'[::-1], [1, 2, 3, 4][::-2], 'a' if 2 ** 70 > 1e20 else 'b')\n",
        "total = 0\ndef add(n):\n    global total\n    total += n\ndef counter():\n    c = 0\n    def inc():\n        nonlocal c\n        c += 1\n        return c\n    return inc\nadd(2)\nprint(total, counter()())\n",
        "def deco(n):\n    def wrap(fn):\n        def inner(*a):\n            return fn(*a) * n\n        return inner\n    return wrap\n@deco(2)\n@deco(3)\ndef f(x):\n    return x\nprint(f(7))\n",
        "class RetryableError(Exception):\n    def __init__(self, msg, after=1):\n        super().__init__(msg)\n        self.after = after\nclass Client:\n    limit = 3\n    def __init__(self, url):\n        self.url = url\n    def __repr__(self):\n        return f'Client({self.url!r})'\n    @property\n    def host(self):\n        return self.url.split('/')[2]\n    @staticmethod\n    def version():\n        return 1\n    async def get(self, path):\n        raise RetryableError(path, 2)\nclass Sub(Client):\n    def __init__(self):\n        super().__init__('http://h/x')\nc = Sub()\ntry:\n    await c.get('/a')\nexcept RetryableError as e:\n    print(c, c.host, e, e.after, isinstance(c, Client), type(c).__name__)\n",
        "class Session:\n    def __enter__(self):\n        return self\n    def __exit__(self, t, e, tb):\n        return True\n    def __eq__(self, other):\n        return isinstance(other, Session)\nwith Session() as s:\n    raise ValueError\nprint(s == Session(), s != 1)\n",
        "import asyncio\nlock = asyncio.Lock()\nasync def crit(i):\n    async with lock:\n        await asyncio.sleep(0)\n        return i\nprint(await asyncio.gather(crit(1), crit(2)))\n",
        "def gen(n):\n    try:\n        for i in range(n):\n            x = yield i\n            if x:\n                print(x)\n    finally:\n        print('done')\n    return n\ng = gen(3)\nprint(next(g), g.send('s'), list(g))\nfor v in gen(5):\n    break\n",
        "def inner():\n    r = yield 1\n    return r\ndef outer():\n    v = yield from inner()\n    yield from [v, 2]\no = outer()\nprint(next(o), o.send(9), next(o))\nt = outer()\nnext(t)\ntry:\n    t.throw(ValueError('v'))\nexcept ValueError as e:\n    print(e)\nt.close()\n",
        "print(sum(x * x for x in range(10) if x % 2), any(c == 'b' for c in 'abc'), list(zip((i for i in range(3)), 'xy')))\ng = (y for y in [1, 2])\nprint(next(g), list(map(str, g)), dict(enumerate(x for x in 'ab')))\n",
        "import asyncio\nasync def ticks(n):\n    for i in range(n):\n        await asyncio.sleep(0)\n        yield i\nasync for t in ticks(3):\n    print(t)\na = ticks(2)\nprint(await anext(a), await a.__anext__(), await anext(a, 'end'))\nawait a.aclose()\n",
        "from contextlib import contextmanager, asynccontextmanager\n@contextmanager\ndef cm(x):\n    try:\n        yield x\n    except KeyError:\n        print('swallowed')\n    finally:\n        print('exit')\nwith cm(1) as v:\n    raise KeyError(v)\n@asynccontextmanager\nasync def acm():\n    yield 2\nasync with acm() as w:\n    print(w)\n",
    ]

    /// Inputs that once crashed or hung PoolScript; they run on every test run.
    static let regressions: [String] = nestingLimits + [
        // Hung: str.replace with an empty `old` (seed 20261128, input 31401 of the long run).
        "s = 'a,b,c'\nprint(s.split(','), '-'.join(['x', 'y']), s.replace('', 'z'), s[0], s.startswith('a'), b'bytes\\x00')\n",
        "print(('a' * 9999).replace('a', 'b' * 9999))\n",
        // Hung: an empty sequence repeated a billion times (seed 20261128, input 74225).
        "import asyncio\nasync def fetch(i):\n    await asyncio.sleep(0.01 * i)\n    return i * [0] * 999999992\nresults = await asyncio.gather(*[fetch(i) for i in range(5)], return_exceptions=True)\nprint(results)",
        "print([] * 10 ** 18, '' * 10 ** 18, () * 10 ** 18, b'' * 10 ** 18, [] * -5)\n",
        // Hung: a task awaiting itself (seed 20261128, input 59696).
        "import asyncio\nasync def worker(name, sem):\n    async with sem:\n        await asyncio.sleep(1)\n        await t\n        print(name)\nsem = asyncio.Semaphore(2)\ntasks = [asyncio.create_task(worker(f\"w{i}\", sem)) for i in range(4)]\nfor t in tasks:\n    await t\n",
    ]

    /// Expressions nested to the parser's limit and one past it, every way nesting is spelled: these overflowed
    /// the stack of a debug build at 200 levels (seed 1592651810, input 41: 199 nested parentheses).
    static let nestingLimits: [String] = [100, 101, 200].flatMap { (n: Int) -> [String] in
        [
            "x = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            "x = " + String(repeating: "[", count: n) + String(repeating: "]", count: n),
            "x = " + String(repeating: "{1: ", count: n) + "1" + String(repeating: "}", count: n),
            "x = " + String(repeating: "print(", count: n) + String(repeating: ")", count: n),
            "x = " + String(repeating: "-", count: n) + "1",
            "x = " + String(repeating: "not ", count: n) + "1",
            "x = " + String(repeating: "2 ** ", count: n) + "1",
            "x = " + String(repeating: "[1][", count: n) + "0" + String(repeating: "]", count: n),
            "x = f'{" + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + "}'",
        ]
    }
}
