import Testing

@testable import PoolScript

/// Smaller gaps of issue 13, each against the numbers CPython 3.11.7 printed for the same script.
@Suite struct SeedAndDeadlineTests {
    /// `random.seed(str | bytes)` goes through SHA-512 (`Lib/random.py`, version 2), so the sequence is CPython's.
    @Test func stringAndBytesSeedsGiveCPythonsSequence() async {
        let output = await run(
            """
            import random
            random.seed("hello"); print(random.random(), random.randint(1, 100))
            random.seed(b"bytes"); print(random.random())
            random.seed("x" * 200); print(random.random())
            r = random.Random("hello"); print(r.random())
            """)
        #expect(
            output == """
                0.3537754404730722 85
                0.37075677971469856
                0.8500063097913054
                0.3537754404730722

                """)
    }

    /// The SHA-512 under the seeds, against FIPS 180-4's "abc" vector and the empty message.
    @Test func sha512Vectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }
        #expect(hex(SHA512.digest(Array("abc".utf8))).hasPrefix("ddaf35a193617abacc417349ae204131"))
        #expect(hex(SHA512.digest([])).hasPrefix("cf83e1357eefb8bdf1542850d66d8007"))
        #expect(hex(SHA512.digest([UInt8](repeating: 0x61, count: 200))).count == 128)
    }

    /// A NaN timeout is a timer due at once, not an immediate timeout: an awaitable that finishes within the loop
    /// iterations before it still returns, a longer one times out.
    @Test func waitForNaN() async {
        let output = await run(
            """
            import asyncio
            async def main():
                print(await asyncio.wait_for(asyncio.sleep(0, result=5), float('nan')))
                try:
                    await asyncio.wait_for(asyncio.sleep(10), float('nan'))
                except TimeoutError as e:
                    print(type(e).__name__, repr(str(e)))
            asyncio.run(main())
            """)
        #expect(output == "5\nTimeoutError ''\n")
    }
}

/// `task.cancel(msg)`, as CPython 3.11 delivers it.
@Suite struct CancelMessageTests {
    @Test func cancelMessageReachesTheCancelledError() async {
        let output = await run(
            """
            import asyncio
            async def work():
                await asyncio.sleep(10)
            async def main():
                t = asyncio.create_task(work())
                await asyncio.sleep(0)
                t.cancel("stop now")
                try:
                    await t
                except asyncio.CancelledError as e:
                    print("caught", repr(e), e.args)
                t2 = asyncio.create_task(work())
                await asyncio.sleep(0)
                t2.cancel("bye")
                await t2
            asyncio.run(main())
            """)
        #expect(output.hasPrefix("caught CancelledError('stop now') ('stop now',)\nTraceback (most recent call last):\n"))
        #expect(output.hasSuffix("line 3, in work\nasyncio.exceptions.CancelledError: bye\n"))
    }
}

/// `raise X from e`: the cause's own traceback (down to where it was caught) comes first, as CPython prints it
/// (the test host has no source lines to show).
@Suite struct ExceptionCauseTests {
    @Test func causePrintsItsTraceback() async {
        let output = await run(
            """
            def inner():
                raise KeyError("k")
            def outer():
                try:
                    inner()
                except KeyError as e:
                    raise ValueError("wrapped") from e
            outer()
            """)
        #expect(
            output == """
                Traceback (most recent call last):
                  File "<stdin>", line 5, in outer
                  File "<stdin>", line 2, in inner
                KeyError: 'k'

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "<stdin>", line 8, in <module>
                  File "<stdin>", line 7, in outer
                ValueError: wrapped

                """)
    }
}

/// Counter, defaultdict and OrderedDict behave as the dict subclasses CPython's are, where client code looks.
@Suite struct DictSubclassTests {
    @Test func collectionsMappingsAreDicts() async {
        let output = await run(
            #"""
            import json
            from collections import Counter, defaultdict, OrderedDict
            c = Counter("abracadabra")
            d = defaultdict(int); d["x"] += 2
            o = OrderedDict([("b", 1), ("a", 2)])
            print(isinstance(c, dict), isinstance(d, dict), isinstance(o, (list, dict)))
            print(json.dumps(c), json.dumps(d), json.dumps({"o": o}, sort_keys=True))
            print(dict(c), dict(d), dict(o))
            print(c == {"a": 5, "b": 2, "r": 2, "c": 1, "d": 1}, d == {"x": 2}, o == {"a": 2, "b": 1})
            print(repr(c), repr(d), repr(o))
            print(Counter({'a': 2}), defaultdict(list, {"k": [1]}))
            """#)
        #expect(
            output == #"""
                True True True
                {"a": 5, "b": 2, "r": 2, "c": 1, "d": 1} {"x": 2} {"o": {"a": 2, "b": 1}}
                {'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1} {'x': 2} {'b': 1, 'a': 2}
                True True True
                Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) defaultdict(<class 'int'>, {'x': 2}) OrderedDict([('b', 1), ('a', 2)])
                Counter({'a': 2}) defaultdict(<class 'list'>, {'k': [1]})

                """#)
    }
}

/// `python FILE` at exit: a coroutine globals still hold, never awaited, warns `sys:1: …` once per name.
@Suite struct ExitWarningTests {
    @Test func unawaitedCoroutinesWarnAtExit() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let result = await interpreter.run(
            """
            async def f():
                pass
            c = f()
            d = [f()]
            async def g():
                pass
            e = g()
            await f()
            print("end")
            """, mode: .file)
        #expect(render(result) == "")
        #expect(host.errors == "")
        await interpreter.finalize()
        #expect(host.output == "end\n")
        #expect(
            host.errors == """
                sys:1: RuntimeWarning: coroutine 'f' was never awaited
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback
                sys:1: RuntimeWarning: coroutine 'g' was never awaited
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback

                """)
    }
}
